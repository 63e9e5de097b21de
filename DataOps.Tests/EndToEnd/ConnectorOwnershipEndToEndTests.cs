using System.Net;
using DataOps.Domain.Datasets;
using DataOps.Functions.Registry;
using DataOps.Functions.Workflows;
using DataOps.GleanEmulator.Faults;
using DataOps.Tests.Infrastructure;
using Microsoft.DurableTask.Client;

namespace DataOps.Tests.EndToEnd;

/// <summary>
/// A failed dataset gives up its connector name, and the next dataset for the same client, stage and type takes it:
/// tearing the failed one down must leave the successor's connector and datasource alone.
/// </summary>
public sealed class ConnectorOwnershipEndToEndTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Teardown_FailedDatasetWhoseConnectorNameWasTakenOver_ArchivesWithoutTouchingTheSuccessor()
    {
        var token = TestContext.Current.CancellationToken;
        await using var app = await DataOpsApp.StartAsync(azurite, new Dictionary<string, string?>
        {
            ["Glean:MaxRetryAttempts"] = "1",
            ["DataOps:Teardown:GracePeriod"] = "00:00:02",
        });

        // Glean's bulk upload fails until the dataset is FAILED; then it answers again, so the compensation succeeds.
        await app.Glean.SetFaultsAsync(new FaultSettings { Share503 = 1.0, PathPrefix = "/api/index/v1/bulkindexdocuments" });
        try
        {
            using var first = await app.PostJsonAsync("api/datasets/provision", DataOpsApp.ProvisionBody("own-1", "umbrella", "Umbrella", "jira_issues"));
            Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
            await Eventually.HoldsAsync(
                async () => (await app.Registry.ListAsync(new DatasetQuery { JourneyId = JourneyId.Create("own-1") }, token)).Items.SingleOrDefault()?.Status == DatasetStatus.Failed,
                "the first dataset fails",
                TimeSpan.FromSeconds(120));
        }
        finally
        {
            await app.Glean.ClearFaultsAsync();
        }

        await app.WaitForCompletionAsync("provision:own-1:sandbox", TimeSpan.FromSeconds(120));
        var failed = (await app.Registry.ListAsync(new DatasetQuery { JourneyId = JourneyId.Create("own-1") }, token)).Items.Single();
        Assert.Equal(DatasetStatus.Failed, failed.Status);

        using (var second = await app.PostJsonAsync("api/datasets/provision", DataOpsApp.ProvisionBody("own-2", "umbrella", "Umbrella", "jira_issues")))
        {
            Assert.Equal(HttpStatusCode.Accepted, second.StatusCode);
        }

        await app.WaitForCompletionAsync("provision:own-2:sandbox", TimeSpan.FromSeconds(120));
        var successor = (await app.Registry.ListAsync(new DatasetQuery { JourneyId = JourneyId.Create("own-2") }, token)).Items.Single();
        Assert.Equal(DatasetStatus.Ready, successor.Status);
        Assert.Equal(failed.ConnectorName, successor.ConnectorName);
        var store = app.Service<ConnectorStore>();
        var before = await store.GetAsync(successor.ConnectorName.Value, token);
        Assert.Equal(successor.Id.Value, before!.DatasetId);
        var datasourceBefore = await app.Glean.GetDatasourceAsync(before.Connector.DatasourceName);
        Assert.Equal(successor.RecordCount, datasourceBefore!.DocumentCount);
        Assert.True(datasourceBefore.DocumentCount > 0);

        using (var teardown = await app.PostJsonAsync($"api/datasets/{failed.Id.Value}/teardown", new { reason = "manual", force = true }))
        {
            Assert.Equal(HttpStatusCode.Accepted, teardown.StatusCode);
        }

        var done = await app.WaitForCompletionAsync(LifecycleWorkflows.Teardown(failed.Id), TimeSpan.FromSeconds(120));
        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.Equal(DatasetStatus.Archived, (await app.Registry.GetAsync(failed.Id, token))!.Dataset.Status);

        var datasourceAfter = await app.Glean.GetDatasourceAsync(before.Connector.DatasourceName);
        Assert.Equal(datasourceBefore.DocumentCount, datasourceAfter!.DocumentCount);
        Assert.Equal(datasourceBefore.Visibility, datasourceAfter.Visibility);
        Assert.Equal(datasourceBefore.BetaUsers, datasourceAfter.BetaUsers);
        Assert.Equal(datasourceBefore.Config.IsTestDatasource, datasourceAfter.Config.IsTestDatasource);
        var after = await store.GetAsync(successor.ConnectorName.Value, token);
        Assert.Equal(successor.Id.Value, after!.DatasetId);
        Assert.Equal(before.Status, after.Status);
        Assert.Equal(DatasetStatus.Ready, (await app.Registry.GetAsync(successor.Id, token))!.Dataset.Status);
    }
}
