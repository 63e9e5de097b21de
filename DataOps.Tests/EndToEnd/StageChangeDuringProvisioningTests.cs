using System.Net;
using DataOps.Domain.Datasets;
using DataOps.GleanEmulator.Faults;
using DataOps.Tests.Infrastructure;
using Microsoft.DurableTask.Client;

namespace DataOps.Tests.EndToEnd;

/// <summary>A stage change that overtakes the stage's provisioning still tears down every dataset of the stage.</summary>
public sealed class StageChangeDuringProvisioningTests(AzuriteFixture azurite)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task StageChange_WhileTheStageIsStillValidating_WaitsThenArchivesEveryDataset()
    {
        await using var app = await DataOpsApp.StartAsync(azurite);
        // Slow searches keep validation (10 sample queries per dataset) running for several seconds.
        await app.Glean.SetFaultsAsync(new FaultSettings { LatencyMillis = 1000, PathPrefix = "/rest/api/v1/search" });

        using var response = await app.PostJsonAsync("api/datasets/provision", DataOpsApp.ProvisionBody("j-race", "umbrella", "Umbrella", "jira_issues", "github_repos"));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        await Eventually.HoldsAsync(
            async () => (await app.Durable.GetInstanceAsync("provision:j-race:sandbox", false, Ct))?.IsRunning == true,
            "provisioning is under way",
            TimeSpan.FromSeconds(30));
        await app.SendJourneyEventAsync(new { type = "JourneyStageChanged", journeyId = "j-race", clientId = "umbrella", fromStage = "sandbox", toStage = "pilot", occurredAt = DateTimeOffset.UtcNow });

        var datasets = await Eventually.ValueAsync(
            async () => (await app.Registry.ListAsync(new DataOps.Functions.Registry.DatasetQuery { JourneyId = JourneyId.Create("j-race") }, Ct)).Items,
            items => items.Count == 2 && items.All(d => d.Status == DatasetStatus.Archived),
            TimeSpan.FromSeconds(150),
            "both datasets are archived");

        Assert.Equal(2, datasets.Count);
        Assert.True((await app.Durable.GetInstanceAsync("provision:j-race:sandbox", false, Ct))!.RuntimeStatus == OrchestrationRuntimeStatus.Completed);
    }
}
