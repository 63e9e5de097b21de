using System.Net;
using System.Net.Http.Json;
using DataOps.Functions.Operations;
using DataOps.Functions.Storage;
using DataOps.Tests.Hosting;
using DataOps.Tests.Hosting.Functions;
using DataOps.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace DataOps.Tests.Functions.Operations;

public sealed class HealthFunctionTests(AzuriteFixture azurite)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly string _hub = "Hub" + AzuriteFixture.UniqueName("h")[..12];

    [Fact]
    public async Task Health_AllDependenciesUp_Returns200Anonymously()
    {
        // Any HTTP answer below 500 counts as reachable; Azurite's blob endpoint stands in for Glean here.
        await using var host = await StartAsync(azurite.BlobEndpoint.AbsoluteUri, withDurableExtension: true);

        HealthReport? report = null;
        await Eventually.HoldsAsync(async () =>
        {
            using var response = await host.Client.GetAsync("/api/health", Ct);
            report = await response.Content.ReadFromJsonAsync<HealthReport>(Ct);
            return response.StatusCode == HttpStatusCode.OK;
        }, "the task hub worker has created the task hub and health answers 200");

        Assert.Equal("healthy", report!.Status);
        Assert.Equal(["storage", "taskHub", "glean"], report.Checks.Select(c => c.Name));
        Assert.All(report.Checks, c => Assert.True(c.Healthy, c.Detail));
    }

    [Fact]
    public async Task Health_TaskHubMissingAndGleanDown_Returns503NamingThem()
    {
        await using var host = await StartAsync("http://127.0.0.1:1");

        using var response = await host.Client.GetAsync("/api/health", Ct);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var report = await response.Content.ReadFromJsonAsync<HealthReport>(Ct);
        Assert.Equal("unhealthy", report!.Status);
        Assert.True(report.Checks.Single(c => c.Name == "storage").Healthy);
        Assert.Contains("not created yet", report.Checks.Single(c => c.Name == "taskHub").Detail, StringComparison.Ordinal);
        Assert.False(report.Checks.Single(c => c.Name == "glean").Healthy);
    }

    private Task<TestFunctionHost> StartAsync(string gleanUrl, bool withDurableExtension = false) =>
        TestFunctionHost.StartAsync(azurite, withDurableExtension ? [typeof(HealthFunction), typeof(StarterFunctions)] : [typeof(HealthFunction)],
            new Dictionary<string, string?> { ["Glean:BaseUrl"] = gleanUrl, ["extensions:durableTask:hubName"] = _hub },
            s =>
            {
                s.AddHttpClient();
                s.AddDataOpsStorage(TestFunctionHost.StorageConfiguration(azurite));
            });
}
