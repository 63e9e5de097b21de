using System.Net;
using DataOps.Tests.Hosting.Functions;
using DataOps.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Testing;

namespace DataOps.Tests.Hosting;

public sealed class FunctionKeyTests(AzuriteFixture azurite)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(null, null, HttpStatusCode.Unauthorized)]
    [InlineData("wrong-key", null, HttpStatusCode.Unauthorized)]
    [InlineData(null, "wrong-key", HttpStatusCode.Unauthorized)]
    [InlineData(TestFunctionHost.Key, null, HttpStatusCode.OK)]
    [InlineData(null, TestFunctionHost.Key, HttpStatusCode.OK)]
    [InlineData(null, "second-key", HttpStatusCode.OK)]
    [InlineData(TestFunctionHost.MasterKey, null, HttpStatusCode.OK)]
    public async Task FunctionLevel_Key_DecidesAccess(string? header, string? code, HttpStatusCode expected)
    {
        await using var host = await StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/items/7" + (code is null ? string.Empty : "?code=" + code));
        if (header is not null)
        {
            request.Headers.Add("x-functions-key", header);
        }

        using var response = await host.Client.SendAsync(request, Ct);

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal(expected == HttpStatusCode.OK ? 1 : 0, host.Recorder.Count(nameof(HttpTestFunctions.Echo)));
        if (expected == HttpStatusCode.Unauthorized)
        {
            await HttpTriggerTests.AssertProblemAsync(response, HttpStatusCode.Unauthorized);
        }
    }

    [Fact]
    public async Task Anonymous_NoKey_IsServed()
    {
        await using var host = await StartAsync();

        using var response = await host.Client.GetAsync("/api/public/ping", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData(TestFunctionHost.Key, HttpStatusCode.Unauthorized)]
    [InlineData(TestFunctionHost.MasterKey, HttpStatusCode.OK)]
    public async Task AdminLevel_OnlyMasterKey_IsServed(string key, HttpStatusCode expected)
    {
        await using var host = await StartAsync();

        using var response = await host.Client.GetAsync("/api/admin/op?code=" + key, Ct);

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task FunctionLevel_NoKeysConfigured_RefusesEveryRequest()
    {
        await using var host = await TestFunctionHost.StartAsync(azurite, [typeof(HttpTestFunctions)],
            new Dictionary<string, string?> { ["FunctionKeys:default"] = string.Empty, ["FunctionKeys:master"] = string.Empty });

        using var response = await host.Client.PostAsync("/api/items/1?code=", null, Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Keys_InHeaderOrQuery_NeverReachTheLogs()
    {
        await using var host = await TestFunctionHost.StartAsync(azurite, [typeof(HttpTestFunctions)],
            new Dictionary<string, string?> { ["logging:logLevel:default"] = "Trace" },
            services => services.AddFakeLogging());

        using var byQuery = await host.Client.PostAsync("/api/items/1?code=" + TestFunctionHost.Key + "&x=1", null, Ct);
        using var wrongQuery = await host.Client.PostAsync("/api/items/1?code=" + "guessed-secret-value", null, Ct);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/items/2");
        request.Headers.Add("x-functions-key", TestFunctionHost.Key);
        using var byHeader = await host.Client.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.OK, byQuery.StatusCode);
        Assert.Equal(HttpStatusCode.OK, byHeader.StatusCode);
        var logs = host.Host.Services.GetFakeLogCollector().GetSnapshot().Select(Everything).ToList();
        Assert.Contains(logs, l => l.Contains("code=redacted", StringComparison.Ordinal));
        Assert.DoesNotContain(logs, l => l.Contains(TestFunctionHost.Key, StringComparison.Ordinal));
        Assert.DoesNotContain(logs, l => l.Contains("guessed-secret-value", StringComparison.Ordinal));
    }

    /// <summary>All a log record carries: message, exception, scopes and structured values.</summary>
    private static string Everything(FakeLogRecord record) => string.Join(' ', (string?[])
    [
        record.Category, record.Message, record.Exception?.ToString(),
        .. record.Scopes.Select(s => s?.ToString()),
        .. (record.StructuredState ?? []).Select(kv => kv.Value),
    ]);

    private Task<TestFunctionHost> StartAsync() =>
        TestFunctionHost.StartAsync(azurite, [typeof(HttpTestFunctions)], new Dictionary<string, string?> { ["FunctionKeys:second"] = "second-key" });
}
