using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DataOps.Domain.Datasets;
using DataOps.Functions.Workflows;
using DataOps.GleanEmulator.Faults;
using DataOps.Tests.EndToEnd;
using DataOps.Tests.Infrastructure;
using Microsoft.DurableTask.Client;

namespace DataOps.Tests.Functions.Teardown;

/// <summary>
/// A teardown can be terminated only while stopping it still keeps the dataset: once its grace period is over and it
/// is deleting the connector, a terminate is refused and the teardown finishes.
/// </summary>
public sealed class TeardownTerminationRuleTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task ATeardownDeletingItsConnector_CannotBeTerminated_AndFinishes()
    {
        var token = TestContext.Current.CancellationToken;
        await using var app = await DataOpsApp.StartAsync(azurite, new Dictionary<string, string?> { ["DataOps:Teardown:GracePeriod"] = "00:00:05" });
        using (var _ = await app.PostJsonAsync("api/datasets/provision", DataOpsApp.ProvisionBody("rule-1", "acme", "ACME", "jira_issues")))
        {
            await app.WaitForCompletionAsync("provision:rule-1:sandbox");
        }

        var list = await app.GetJsonAsync("api/datasets?journeyId=rule-1");
        var datasetId = list.GetProperty("items")[0].GetProperty("datasetId").GetString()!;
        var instanceId = LifecycleWorkflows.Teardown(DatasetId.Create(datasetId));
        using (var _ = await app.PostJsonAsync($"api/datasets/{datasetId}/teardown", new { reason = "manual", force = true }))
        {
            await WaitForPhaseAsync(app, instanceId, "grace_period");
        }

        // Glean's indexing API fails from now on, so the teardown stays in its deleting phase, retrying.
        await app.Glean.SetFaultsAsync(new FaultSettings { Share503 = 1.0, PathPrefix = "/api/index/v1" });
        try
        {
            await WaitForPhaseAsync(app, instanceId, "deleting");
            var teardowns = await app.GetJsonAsync("api/teardowns");
            var item = teardowns.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("datasetId").GetString() == datasetId);
            Assert.False(item.GetProperty("canTerminate").GetBoolean());

            using var refused = await app.PostJsonAsync($"api/teardowns/{datasetId}/terminate", new { reason = "too late" });

            Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
            var problem = await refused.Content.ReadFromJsonAsync<JsonElement>(token);
            Assert.Contains("deleting", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
            Assert.Equal(OrchestrationRuntimeStatus.Running, (await app.Durable.GetInstanceAsync(instanceId, false, token))!.RuntimeStatus);
        }
        finally
        {
            await app.Glean.ClearFaultsAsync();
        }

        var done = await app.WaitForCompletionAsync(instanceId, TimeSpan.FromSeconds(120));
        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        var dataset = await app.GetJsonAsync($"api/datasets/{datasetId}");
        Assert.Equal("archived", dataset.GetProperty("dataset").GetProperty("status").GetString());
    }

    private static Task WaitForPhaseAsync(DataOpsApp app, string instanceId, string phase) =>
        Eventually.HoldsAsync(
            async () => (await app.Durable.GetInstanceAsync(instanceId, true, TestContext.Current.CancellationToken))?.SerializedCustomStatus?.Contains($"\"{phase}\"", StringComparison.Ordinal) == true,
            $"the teardown reaches its {phase} phase",
            TimeSpan.FromSeconds(60));
}
