using System.Net;
using DataOps.GleanEmulator.Faults;
using DataOps.Tests.Infrastructure;
using Microsoft.DurableTask.Client;

namespace DataOps.Tests.EndToEnd;

/// <summary>A Glean that does not answer for a while delays a dataset; it never fails it.</summary>
public sealed class GleanOutageEndToEndTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Provision_SearchAnswers503ForAWhile_DatasetStillEndsReady()
    {
        await using var app = await DataOpsApp.StartAsync(azurite, new Dictionary<string, string?> { ["Glean:MaxRetryAttempts"] = "1" });
        await app.Glean.SetFaultsAsync(new FaultSettings { Share503 = 1.0, PathPrefix = "/rest/api/v1/search" });

        using var response = await app.PostJsonAsync("api/datasets/provision", DataOpsApp.ProvisionBody("j-outage", "initech", "Initech", "jira_issues"));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        // The sample-query check meets the outage (the adapter's own retries are exhausted at least once)...
        await Eventually.HoldsAsync(
            async () => (await app.Glean.GetRequestsAsync("/search")).Count(r => r.Status == 503) >= 4,
            "the sample-query check met the outage",
            TimeSpan.FromSeconds(60));
        await app.Glean.ClearFaultsAsync();

        // ...and is retried once Glean answers, instead of scoring the dataset on Glean's bad minute.
        var done = await app.WaitForCompletionAsync("provision:j-outage:sandbox", TimeSpan.FromSeconds(120));
        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        var list = await app.GetJsonAsync("api/datasets?journeyId=j-outage");
        var dataset = Assert.Single(list.GetProperty("items").EnumerateArray());
        Assert.Equal("ready", dataset.GetProperty("status").GetString());
    }
}
