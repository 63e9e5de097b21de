using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using DataOps.Domain.Datasets;
using DataOps.Functions.Provisioning;
using DataOps.Functions.Registry;
using DataOps.Functions.Staging;
using DataOps.Functions.Validation;
using DataOps.Functions.Watch;
using DataOps.Functions.Workflows;
using DataOps.Testing;
using DataOps.Tests.Infrastructure;
using Microsoft.DurableTask.Client;

namespace DataOps.Tests.EndToEnd;

public sealed class WatchEndToEndTests(AzuriteFixture azurite)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task OrphanScan_JourneyCompleted_TearsTheDatasetDownToArchived()
    {
        await using var app = await DataOpsApp.StartAsync(azurite);
        var dataset = await ProvisionAsync(app, "j-orphan", "umbrella", "Umbrella", "custom");
        Assert.NotEmpty(await app.Service<StagedCopyStore>().ListAsync(dataset.Id, Ct));
        await app.Service<JourneyProjectionStore>().ApplyAsync("j-orphan", "umbrella", null, completed: true, DateTimeOffset.UtcNow, Ct);

        var id = await app.Durable.ScheduleNewOrchestrationInstanceAsync(nameof(OrphanScan), new OrphanScanInput(DateTimeOffset.UtcNow, TimeSpan.Zero, TimeSpan.FromSeconds(1)), cancellation: Ct);
        var scan = await app.WaitForCompletionAsync(id);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, scan.RuntimeStatus);
        Assert.Contains(dataset.Id, scan.ReadOutputAs<ScanResult>()!.DatasetIds);
        var archived = (await app.Registry.GetAsync(dataset.Id, Ct))!.Dataset;
        Assert.Equal(DatasetStatus.Archived, archived.Status);
        Assert.Equal(TeardownReason.OrphanCleanup, archived.TeardownReason);
        Assert.Empty(await app.Service<StagedCopyStore>().ListAsync(dataset.Id, Ct));
    }

    [Fact]
    public async Task OrphanScan_JourneyStillInTheStage_LeavesTheDatasetAlone()
    {
        await using var app = await DataOpsApp.StartAsync(azurite);
        var dataset = await ProvisionAsync(app, "j-live", "hooli", "Hooli", "custom");

        var id = await app.Durable.ScheduleNewOrchestrationInstanceAsync(nameof(OrphanScan), new OrphanScanInput(DateTimeOffset.UtcNow, TimeSpan.Zero, TimeSpan.FromSeconds(1)), cancellation: Ct);
        var scan = await app.WaitForCompletionAsync(id);

        Assert.Empty(scan.ReadOutputAs<ScanResult>()!.DatasetIds);
        Assert.Equal(DatasetStatus.Ready, (await app.Registry.GetAsync(dataset.Id, Ct))!.Dataset.Status);
    }

    [Fact]
    public async Task HealthSweep_ConnectorReportedUnhealthy_DatasetLeavesReadyAndFailsRevalidation()
    {
        await using var app = await DataOpsApp.StartAsync(azurite);
        var dataset = await ProvisionAsync(app, "j-sweep", "vandelay", "Vandelay", "jira_issues");
        var connector = await app.Service<ConnectorStore>().GetAsync(dataset.ConnectorName.Value, Ct);
        await app.Glean.SetHealthAsync(connector!.Connector.DatasourceName, healthy: false);

        var id = await app.Durable.ScheduleNewOrchestrationInstanceAsync(nameof(ConnectorHealthSweep), new HealthSweepInput(10, TimeSpan.FromMinutes(2)), cancellation: Ct);
        var sweep = await app.WaitForCompletionAsync(id);

        Assert.Equal([dataset.Id], sweep.ReadOutputAs<ScanResult>()!.DatasetIds);
        var after = (await app.Registry.GetAsync(dataset.Id, Ct))!.Dataset;
        Assert.Equal(DatasetStatus.Failed, after.Status);
        Assert.Contains(QualityCheckType.ConnectorHealth, after.FailedChecks);
        var audit = await app.Service<AuditLog>().ReadAsync(dataset.Id.Value, Ct);
        Assert.Contains(audit, a => a.EventType == "DatasetValidationFailed");
    }

    [Fact]
    public async Task Provision_TemplateWhoseDataFailsTheSchema_FailedNamingTheSchemaCheck()
    {
        var root = Directory.CreateTempSubdirectory("templates-");
        try
        {
            WriteStrictTemplate(root.FullName);
            await using var app = await DataOpsApp.StartAsync(azurite, new Dictionary<string, string?> { ["MockData:TemplateRoot"] = root.FullName });

            using var _ = await app.PostJsonAsync("api/datasets/provision", DataOpsApp.ProvisionBody("j-bad", "soylent", "Soylent", "custom"));
            var done = await app.WaitForCompletionAsync("provision:j-bad:sandbox");

            var result = done.ReadOutputAs<ProvisionJourneyResult>()!.Datasets.Single();
            Assert.Equal(WorkflowOutcome.Failed, result.Outcome);
            var dataset = (await app.Registry.GetAsync(result.DatasetId, Ct))!.Dataset;
            Assert.Equal(DatasetStatus.Failed, dataset.Status);
            Assert.Contains(QualityCheckType.Schema, dataset.FailedChecks);
            var failed = (await app.Service<AuditLog>().ReadAsync(result.DatasetId.Value, Ct)).Single(a => a.EventType == "DatasetValidationFailed");
            Assert.Contains("schema", failed.Payload, StringComparison.Ordinal);
            Assert.Null(await app.Registry.FindSlotHolderAsync(ClientId.Create("soylent"), Stage.Sandbox, DatasetType.Custom, Ct));
            var connector = await app.Service<ConnectorStore>().GetAsync(dataset.ConnectorName.Value, Ct);
            Assert.Equal(0, (await app.Glean.GetDatasourceAsync(connector!.Connector.DatasourceName))!.DocumentCount);
        }
        finally
        {
            root.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Teardown_DefaultGracePeriod_HoldsTheDeletionOnA24HourDurableTimer()
    {
        // The engine's durable timers run on storage time, not on an injectable clock: the test reads the timer the
        // teardown wrote to its history, and that nothing was deleted meanwhile. Short grace periods run to the end in
        // the other teardown tests.
        await using var app = await DataOpsApp.StartAsync(azurite, new Dictionary<string, string?> { ["DataOps:Teardown:GracePeriod"] = null });
        var dataset = await ProvisionAsync(app, "j-24h", "wonka", "Wonka", "custom");

        var requestedAt = DateTime.UtcNow;
        await app.SendJourneyEventAsync(new { type = "JourneyStageChanged", journeyId = "j-24h", clientId = "wonka", fromStage = "sandbox", toStage = "pilot", occurredAt = DateTimeOffset.UtcNow });
        var teardownId = LifecycleWorkflows.Teardown(dataset.Id);
        await Eventually.HoldsAsync(
            async () => (await app.Durable.GetInstanceAsync(teardownId, true, Ct))?.SerializedCustomStatus?.Contains("grace_period", StringComparison.Ordinal) == true,
            "the teardown waits out its grace period",
            TimeSpan.FromSeconds(60));
        var status = JsonNode.Parse((await app.Durable.GetInstanceAsync(teardownId, true, Ct))!.SerializedCustomStatus!)!;
        var deleteAt = status["deleteAt"]!.GetValue<DateTime>();
        Assert.InRange(deleteAt - requestedAt, TimeSpan.FromHours(24), TimeSpan.FromHours(24) + TimeSpan.FromMinutes(1));

        var history = new TableClient(app.StorageConnectionString, app.HubName + "History");
        var timers = await history.QueryAsync<TableEntity>(e => e.PartitionKey == teardownId, cancellationToken: Ct)
            .Where(e => e.GetString("EventType") == "TimerCreated")
            .Select(e => e.GetDateTimeOffset("FireAt")!.Value.UtcDateTime)
            .ToListAsync(Ct);
        Assert.Equal(deleteAt, Assert.Single(timers));

        Assert.Equal(OrchestrationRuntimeStatus.Running, (await app.Durable.GetInstanceAsync(teardownId, false, Ct))!.RuntimeStatus);
        Assert.Equal(DatasetStatus.Teardown, (await app.Registry.GetAsync(dataset.Id, Ct))!.Dataset.Status);
    }

    private static async Task<DatasetSnapshot> ProvisionAsync(DataOpsApp app, string journey, string client, string clientName, string type)
    {
        using var response = await app.PostJsonAsync("api/datasets/provision", DataOpsApp.ProvisionBody(journey, client, clientName, type));
        response.EnsureSuccessStatusCode();
        var done = await app.WaitForCompletionAsync($"provision:{journey}:sandbox");
        var outcome = done.ReadOutputAs<ProvisionJourneyResult>()!.Datasets.Single();
        if (outcome.Outcome != WorkflowOutcome.Ready)
        {
            var checks = await app.Service<QualityHistoryStore>().ReadAsync(outcome.DatasetId.Value, Ct);
            Assert.Fail($"{outcome.Error}: {string.Join("; ", checks.SelectMany(c => c.Check.Errors))}");
        }

        return (await app.Registry.ListAsync(new DatasetQuery { JourneyId = JourneyId.Create(journey) }, Ct)).Items.Single();
    }

    // The generic custom template with a title pattern its own samples meet but generated titles never do.
    private static void WriteStrictTemplate(string root)
    {
        var source = Path.Combine(RepositoryRoot.Find(), "mock_data", "templates", "generic", "general", "custom.json");
        var template = JsonNode.Parse(File.ReadAllText(source))!;
        foreach (var field in template["schema"]!["fields"]!.AsArray())
        {
            if (field!["name"]!.GetValue<string>() == "title")
            {
                field["pattern"] = "^ZZZ .*";
            }
        }

        foreach (var record in template["data"]!["records"]!.AsArray())
        {
            record!["title"] = "ZZZ " + record["title"]!.GetValue<string>();
        }

        var folder = Path.Combine(root, "generic", "general");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "custom.json"), template.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
    }
}
