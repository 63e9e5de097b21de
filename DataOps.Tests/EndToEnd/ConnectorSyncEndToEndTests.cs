using System.Net;
using System.Text;
using System.Text.Json;
using Azure.Storage.Blobs;
using DataOps.Domain.Connectors;
using DataOps.Domain.Datasets;
using DataOps.Functions.Provisioning;
using DataOps.Functions.Registry;
using DataOps.Functions.Staging;
using DataOps.Functions.Watch;
using DataOps.Functions.Workflows;
using DataOps.Glean;
using DataOps.Glean.Model;
using DataOps.GleanEmulator.Faults;
using DataOps.GleanEmulator.State;
using DataOps.MockData.Sanitization;
using DataOps.Tests.GleanEmulator;
using DataOps.Tests.Infrastructure;
using DataOps.Tests.MockData.Sanitization;
using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;
using Moq;

namespace DataOps.Tests.EndToEnd;

/// <summary>
/// The scheduled connector sync over the real stack: one run, started by its timer once the app's clock has moved past
/// the pilot interval, pushes a changed pilot export again (new staged copy, new upload) and validates the dataset again
/// as a sync, leaves an unchanged export alone, probes the production connector (the probe counts in its metrics) and
/// never touches the sandbox connector.
/// </summary>
public sealed class ConnectorSyncEndToEndTests(AzuriteFixture azurite)
{
    private const string TwinClientId = "acme-twin";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ConnectorSync_AnHourLater_PushesTheChangedExport_LeavesTheRestAsTheirStageSays()
    {
        var exports = new BlobServiceClient(azurite.ConnectionString).GetBlobContainerClient(AzuriteFixture.UniqueName("pilot"));
        await exports.CreateIfNotExistsAsync(cancellationToken: Ct);
        var fixture = await File.ReadAllBytesAsync(PilotFixture.ExportPath("slack_messages"), Ct);
        await UploadExportAsync(exports, PilotFixture.ClientId, fixture);
        await UploadExportAsync(exports, TwinClientId, fixture);
        var time = new ManualTimeProvider(DateTimeOffset.UtcNow);
        await using var app = await DataOpsApp.StartAsync(
            azurite,
            new Dictionary<string, string?>
            {
                ["MockData:PilotExportContainer"] = exports.Name,
                // The timer waits on the app's clock: it runs once each time the test moves the clock past a second.
                ["DataOps:ConnectorSync:Schedule"] = "*/2 * * * * *",
                ["AzureWebJobs.HealthSweepTimer.Disabled"] = "true",
            },
            time);
        await FillProductionAsTheClientAsync(app);
        var changed = await ProvisionAsync(app, "j-sync-pilot", PilotFixture.ClientId, "ACME Health", "pilot", "slack_messages");
        var unchanged = await ProvisionAsync(app, "j-sync-twin", TwinClientId, "ACME Twin", "pilot", "slack_messages");
        var sandbox = await ProvisionAsync(app, "j-sync-sandbox", "acme", "ACME", "sandbox", "github_repos");
        var production = await ProvisionAsync(app, "j-sync-prod", "acme", "ACME", "production", "jira_issues");
        var before = new Dictionary<DatasetId, int>();
        foreach (var dataset in new[] { changed, unchanged, sandbox })
        {
            before[dataset.Id] = (await DatasourceOfAsync(app, dataset)).Uploads.Count;
        }

        var productionDatasource = (await app.Service<ConnectorStore>().GetAsync(production.ConnectorName.Value, Ct))!.Connector.DatasourceName;
        var probesBefore = (await app.Service<ConnectorMetricsStore>().ReadAsync(productionDatasource, production.CreatedAt, Ct)).Probes;

        // The client's export gains a message; the twin's stays as it was pushed.
        var added = """{"id": "C01-1099", "url": "https://slack.acmehealth.test/archives/C01/p1099", "channel": "#device-sw", "text": "Release notes for the infusion pump firmware are in the wiki.", "user_name": "Zed Quill", "user_email": "zed.quill@acmehealth.test", "created_at": "2025-03-09T10:00:00Z", "updated_at": "2025-03-09T10:00:00Z"}"""u8.ToArray();
        await UploadExportAsync(exports, PilotFixture.ClientId, [.. fixture, .. "\n"u8.ToArray(), .. added, .. "\n"u8.ToArray()]);

        time.Advance(TimeSpan.FromMinutes(61));
        var run = (await app.WaitForCompletionAsync(LifecycleWorkflows.ConnectorSync, TimeSpan.FromSeconds(120))).ReadOutputAs<ConnectorSyncResultView>()!;

        var scans = await app.GetJsonAsync("api/operations/scans");
        var lastSync = scans.GetProperty("connectorSync").GetProperty("lastRun");
        Assert.Equal(LifecycleWorkflows.ConnectorSync, lastSync.GetProperty("instanceId").GetString());
        Assert.Equal(3, lastSync.GetProperty("output").GetProperty("due").GetInt32());
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"connector sync run: {run.Due} due, {run.Pushed.Length} pushed and validated again, {run.Unchanged.Length} unchanged, {run.Probed.Length} probed, "
            + $"in {(lastSync.GetProperty("lastUpdatedAt").GetDateTimeOffset() - lastSync.GetProperty("createdAt").GetDateTimeOffset()).TotalMilliseconds:0} ms");

        // The changed export: staged as the attempt's first sync revision, pushed under a new upload, validated again.
        Assert.Equal([changed.Id.Value], run.Pushed);
        var pushed = (await app.Registry.GetAsync(changed.Id, Ct))!.Dataset;
        Assert.Equal(DatasetStatus.Ready, pushed.Status);
        Assert.Equal(7, pushed.RecordCount);
        var datasource = await DatasourceOfAsync(app, pushed);
        Assert.Equal(7, datasource.DocumentCount);
        Assert.Equal(before[changed.Id] + 1, datasource.Uploads.Count);
        Assert.Equal($"dataops-{changed.Id.Value}-1-sync-1", datasource.Uploads[^1].UploadId);
        Assert.Equal([$"{changed.Id.Value}/attempt-1-sync-1.jsonl.gz"], await app.Service<StagedCopyStore>().ListAsync(changed.Id, Ct));
        var quality = await app.GetJsonAsync($"api/datasets/{changed.Id.Value}/quality");
        var lastRun = quality.GetProperty("runs").EnumerateArray().Last();
        Assert.Equal("sync", lastRun.GetProperty("trigger").GetString());
        Assert.Equal("ready", lastRun.GetProperty("outcome").GetString());
        var checks = await app.GetJsonAsync($"api/datasets/{changed.Id.Value}");
        var stagedCopy = checks.GetProperty("qualityChecks").EnumerateArray()
            .Last(c => c.GetProperty("checkType").GetString() == "schema").GetProperty("details").GetProperty("stagedCopy").GetString();
        Assert.EndsWith("/attempt-1-sync-1.jsonl.gz", stagedCopy, StringComparison.Ordinal);
        var sync = checks.GetProperty("connector").GetProperty("sync");
        Assert.Equal("resync", sync.GetProperty("mode").GetString());
        Assert.Equal("PT1H", sync.GetProperty("interval").GetString());
        Assert.Equal("pushed", sync.GetProperty("lastOutcome").GetString());
        Assert.Equal(sync.GetProperty("lastSyncedAt").GetDateTimeOffset().AddHours(1), sync.GetProperty("nextDueAt").GetDateTimeOffset());
        var timeline = await app.GetJsonAsync($"api/datasets/{changed.Id.Value}/timeline");
        var audited = Assert.Single(timeline.GetProperty("events").EnumerateArray(), e => e.GetProperty("eventType").GetString() == "ConnectorSynced");
        Assert.Equal(7, audited.GetProperty("data").GetProperty("recordCount").GetInt64());

        // The unchanged export: recorded, nothing sent, the copy population staged still the one the checks read.
        Assert.Equal([unchanged.Id.Value], run.Unchanged);
        Assert.Equal(before[unchanged.Id], (await DatasourceOfAsync(app, unchanged)).Uploads.Count);
        Assert.Equal([$"{unchanged.Id.Value}/attempt-1.jsonl.gz"], await app.Service<StagedCopyStore>().ListAsync(unchanged.Id, Ct));
        var twin = (await app.Service<ConnectorStore>().GetAsync(unchanged.ConnectorName.Value, Ct))!.Sync;
        Assert.Equal(ConnectorSyncOutcome.Unchanged, twin.LastOutcome);
        Assert.Equal(0, twin.Revision);
        Assert.DoesNotContain((await app.GetJsonAsync($"api/datasets/{unchanged.Id.Value}/quality")).GetProperty("runs").EnumerateArray(), r => r.GetProperty("trigger").GetString() == "sync");

        // Production: probed, and the probe is in the connector's metrics.
        Assert.Equal([production.Id.Value], run.Probed);
        Assert.True((await app.Service<ConnectorMetricsStore>().ReadAsync(productionDatasource, production.CreatedAt, Ct)).Probes > probesBefore);
        var productionSync = (await app.GetJsonAsync($"api/datasets/{production.Id.Value}")).GetProperty("connector").GetProperty("sync");
        Assert.Equal("probe", productionSync.GetProperty("mode").GetString());
        Assert.Equal("healthy", productionSync.GetProperty("lastOutcome").GetString());
        Assert.Equal(DatasetStatus.Ready, (await app.Registry.GetAsync(production.Id, Ct))!.Dataset.Status);

        // Sandbox: never synced on its own.
        Assert.Equal(3, run.Due);
        Assert.Equal(before[sandbox.Id], (await DatasourceOfAsync(app, sandbox)).Uploads.Count);
        var sandboxSync = (await app.GetJsonAsync($"api/datasets/{sandbox.Id.Value}")).GetProperty("connector").GetProperty("sync");
        Assert.Equal("manual", sandboxSync.GetProperty("mode").GetString());
        Assert.Equal(JsonValueKind.Null, sandboxSync.GetProperty("lastSyncedAt").ValueKind);
        Assert.Equal(JsonValueKind.Null, sandboxSync.GetProperty("nextDueAt").ValueKind);
    }

    [Fact]
    public async Task ConnectorSync_ProductionProbeRefused_TakesTheSweepsPath_AndTheQualityHistoryShowsTheSync()
    {
        var time = new ManualTimeProvider(DateTimeOffset.UtcNow);
        await using var app = await DataOpsApp.StartAsync(
            azurite,
            new Dictionary<string, string?>
            {
                ["DataOps:ConnectorSync:Schedule"] = "*/2 * * * * *",
                ["AzureWebJobs.HealthSweepTimer.Disabled"] = "true",
            },
            time);
        await FillProductionAsTheClientAsync(app);
        var production = await ProvisionAsync(app, "j-sync-refused", "acme", "ACME", "production", "jira_issues");
        var datasource = (await app.Service<ConnectorStore>().GetAsync(production.ConnectorName.Value, Ct))!.Connector.DatasourceName;

        // Glean now refuses the product's token for the datasource's status: the probe finds the connector unauthorized.
        await app.Glean.SetFaultsAsync(new FaultSettings { NextStatusCodes = [.. Enumerable.Repeat(403, 20)], PathPrefix = $"/api/index/v1/debug/{datasource}/status" });
        time.Advance(TimeSpan.FromMinutes(16));
        var run = (await app.WaitForCompletionAsync(LifecycleWorkflows.ConnectorSync, TimeSpan.FromSeconds(120))).ReadOutputAs<ConnectorSyncResultView>()!;

        Assert.Equal([production.Id.Value], run.Probed);
        Assert.Equal([production.Id.Value], run.Revalidated);
        var detail = await app.GetJsonAsync($"api/datasets/{production.Id.Value}");
        Assert.Equal("unhealthy", detail.GetProperty("connector").GetProperty("sync").GetProperty("lastOutcome").GetString());
        var lastRun = (await app.GetJsonAsync($"api/datasets/{production.Id.Value}/quality")).GetProperty("runs").EnumerateArray().Last();
        Assert.Equal("sync", lastRun.GetProperty("trigger").GetString());
        // A refused status call is Glean not answering the product, not a verdict on the client's data: as after the
        // sweep, the dataset waits in VALIDATING with a note until a later run can check it.
        Assert.Equal("unchecked", lastRun.GetProperty("outcome").GetString());
        Assert.Equal(DatasetStatus.Validating, (await app.Registry.GetAsync(production.Id, Ct))!.Dataset.Status);
        var timeline = (await app.GetJsonAsync($"api/datasets/{production.Id.Value}/timeline")).GetProperty("events").EnumerateArray().ToList();
        Assert.Contains(timeline, e => e.GetProperty("eventType").GetString() == "DatasetValidationStarted"
            && e.GetProperty("data").GetRawText().Contains("connector unhealthy", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ConnectorSync_ExportShrankByMoreThanAFifth_GleanHoldsTheStaleDocuments_AndTheValidationSaysSo()
    {
        var exports = new BlobServiceClient(azurite.ConnectionString).GetBlobContainerClient(AzuriteFixture.UniqueName("pilot"));
        await exports.CreateIfNotExistsAsync(cancellationToken: Ct);
        var fixture = await File.ReadAllBytesAsync(PilotFixture.ExportPath("slack_messages"), Ct);
        await UploadExportAsync(exports, PilotFixture.ClientId, fixture);
        var time = new ManualTimeProvider(DateTimeOffset.UtcNow);
        await using var app = await DataOpsApp.StartAsync(
            azurite,
            new Dictionary<string, string?>
            {
                ["MockData:PilotExportContainer"] = exports.Name,
                ["DataOps:ConnectorSync:Schedule"] = "*/2 * * * * *",
                ["AzureWebJobs.HealthSweepTimer.Disabled"] = "true",
            },
            time);
        var dataset = await ProvisionAsync(app, "j-sync-shrink", PilotFixture.ClientId, "ACME Health", "pilot", "slack_messages");

        // Four of the six records are left: the upload would delete a third of the datasource, which Glean holds.
        var lines = Encoding.UTF8.GetString(fixture).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        await UploadExportAsync(exports, PilotFixture.ClientId, Encoding.UTF8.GetBytes(string.Join('\n', lines.Skip(2)) + "\n"));
        time.Advance(TimeSpan.FromMinutes(61));
        var run = (await app.WaitForCompletionAsync(LifecycleWorkflows.ConnectorSync, TimeSpan.FromSeconds(120))).ReadOutputAs<ConnectorSyncResultView>()!;

        Assert.Equal([dataset.Id.Value], run.Pushed);
        var datasource = await DatasourceOfAsync(app, dataset);
        Assert.Equal(2, datasource.Uploads[^1].StaleHeld);
        Assert.Equal(6, datasource.DocumentCount);
        var after = (await app.Registry.GetAsync(dataset.Id, Ct))!.Dataset;
        Assert.Equal(4, after.RecordCount);
        Assert.Equal(DatasetStatus.Failed, after.Status);
        var health = (await app.GetJsonAsync($"api/datasets/{dataset.Id.Value}")).GetProperty("qualityChecks").EnumerateArray()
            .Last(c => c.GetProperty("checkType").GetString() == "connector_health");
        Assert.Contains(health.GetProperty("errors").EnumerateArray(), e => e.GetString()!.Contains("6 documents indexed, expected 4", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SyncPilotExport_RunAgainOrDuringATeardown_NeverPushesTwiceNorToATornDownDataset()
    {
        var exports = new BlobServiceClient(azurite.ConnectionString).GetBlobContainerClient(AzuriteFixture.UniqueName("pilot"));
        await exports.CreateIfNotExistsAsync(cancellationToken: Ct);
        var fixture = await File.ReadAllBytesAsync(PilotFixture.ExportPath("slack_messages"), Ct);
        await UploadExportAsync(exports, PilotFixture.ClientId, fixture);
        await using var app = await DataOpsApp.StartAsync(
            azurite,
            new Dictionary<string, string?>
            {
                ["MockData:PilotExportContainer"] = exports.Name,
                ["AzureWebJobs.ConnectorSyncTimer.Disabled"] = "true",
                ["AzureWebJobs.HealthSweepTimer.Disabled"] = "true",
                ["DataOps:Teardown:GracePeriod"] = "1.00:00:00",
            });
        var dataset = await ProvisionAsync(app, "j-sync-twice", PilotFixture.ClientId, "ACME Health", "pilot", "slack_messages");
        var uploads = (await DatasourceOfAsync(app, dataset)).Uploads.Count;
        await UploadExportAsync(exports, PilotFixture.ClientId, [.. fixture, .. Line("C01-1098")]);
        var sync = ActivatorUtilities.CreateInstance<SyncPilotExport>(app.Host.Services);
        var context = new Mock<TaskActivityContext>().Object;

        var first = await sync.RunAsync(context, new SyncDatasetInput(dataset.Id, "sync-a"));
        var again = await sync.RunAsync(context, new SyncDatasetInput(dataset.Id, "sync-a"));
        var next = await sync.RunAsync(context, new SyncDatasetInput(dataset.Id, "sync-b"));

        Assert.Equal(ConnectorSyncOutcome.Pushed, first.Outcome);
        Assert.Equal(ConnectorSyncOutcome.Pushed, again.Outcome);
        Assert.Equal(ConnectorSyncOutcome.Unchanged, next.Outcome);
        Assert.Equal(uploads + 1, (await DatasourceOfAsync(app, dataset)).Uploads.Count);
        Assert.Equal([$"{dataset.Id.Value}/attempt-1-sync-1.jsonl.gz"], await app.Service<StagedCopyStore>().ListAsync(dataset.Id, Ct));

        // The export changes again, but the dataset is being torn down: nothing is read into a copy, nothing pushed.
        await UploadExportAsync(exports, PilotFixture.ClientId, [.. fixture, .. Line("C01-1098"), .. Line("C01-1097")]);
        using (var response = await app.PostJsonAsync($"api/datasets/{dataset.Id.Value}/teardown", new { reason = "manual", force = true }))
        {
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        }

        await Eventually.HoldsAsync(
            async () => (await app.Registry.GetAsync(dataset.Id, Ct))!.Dataset.Status == DatasetStatus.Teardown,
            "the teardown starts",
            TimeSpan.FromSeconds(60));
        var during = await sync.RunAsync(context, new SyncDatasetInput(dataset.Id, "sync-c"));

        Assert.Null(during.Outcome);
        Assert.Equal(uploads + 1, (await DatasourceOfAsync(app, dataset)).Uploads.Count);
        Assert.Equal([$"{dataset.Id.Value}/attempt-1-sync-1.jsonl.gz"], await app.Service<StagedCopyStore>().ListAsync(dataset.Id, Ct));
        Assert.Equal("sync-b", (await app.Service<ConnectorStore>().GetAsync(dataset.ConnectorName.Value, Ct))!.Sync.LastSyncId);
    }

    private static byte[] Line(string id)
        => Encoding.UTF8.GetBytes($$"""{"id": "{{id}}", "url": "https://slack.acmehealth.test/archives/C01/p{{id[^4..]}}", "channel": "#device-sw", "text": "Message {{id}} about the infusion pump firmware.", "user_name": "Zed Quill", "user_email": "zed.quill@acmehealth.test", "created_at": "2025-03-09T10:00:00Z", "updated_at": "2025-03-09T10:00:00Z"}""" + "\n");

    private static async Task UploadExportAsync(BlobContainerClient exports, string clientId, byte[] content)
        => await exports.GetBlobClient(BlobPilotExportSource.BlobName(clientId, DatasetType.SlackMessages)).UploadAsync(BinaryData.FromBytes(content), overwrite: true, Ct);

    private static async Task<Dataset> ProvisionAsync(DataOpsApp app, string journeyId, string clientId, string clientName, string stage, string type)
    {
        var body = new
        {
            journeyId,
            clientId,
            clientName,
            industry = "healthcare",
            useCase = "clinical_workflows",
            stage,
            datasetTypes = new[] { type },
            requestedBy = "se@example.com",
        };
        using (var response = await app.PostJsonAsync("api/datasets/provision", body))
        {
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        }

        var outcome = (await app.WaitForCompletionAsync($"provision:{journeyId}:{stage}")).ReadOutputAs<ProvisionJourneyResult>()!.Datasets.Single();
        Assert.True(outcome.Outcome == WorkflowOutcome.Ready, $"{journeyId}: {outcome.Error}");
        return (await app.Registry.GetAsync(outcome.DatasetId, Ct))!.Dataset;
    }

    private static async Task<AdminDatasourceView> DatasourceOfAsync(DataOpsApp app, Dataset dataset)
    {
        var connector = await app.Service<ConnectorStore>().GetAsync(dataset.ConnectorName.Value, Ct);
        return (await app.Glean.GetDatasourceAsync(connector!.Connector.DatasourceName))!;
    }

    // The client's own connector fills production before the product validates it (as in ProductionEndToEndTests).
    private static async Task FillProductionAsTheClientAsync(DataOpsApp app)
    {
        var connector = await app.Service<IGleanConnectorService>().CreateConnectorAsync(new ConnectorSpec("ACME-production-jira", DatasetType.JiraIssues, Stage.Production), Ct);
        var issues = SampleQueries.Defaults(DatasetType.JiraIssues).Chunk(4).Select((terms, i) => new
        {
            datasource = connector.DatasourceName,
            id = $"PROD-{i + 1}",
            objectType = connector.ObjectType,
            title = string.Join(' ', terms),
            viewURL = new Uri(connector.ViewUrlBase, $"browse/PROD-{i + 1}").ToString(),
            body = new { mimeType = "text/plain", textContent = "Reported by the client's support desk: " + string.Join(", ", terms) },
            permissions = new { allowAllDatasourceUsersAccess = true },
            createdAt = 1_740_000_000L,
            updatedAt = 1_740_000_100L,
        }).ToArray();
        var (status, body, _) = await app.Glean.PostAsync("api/index/v1/indexdocuments", new { datasource = connector.DatasourceName, documents = issues });
        Assert.True(status == HttpStatusCode.OK, body.ToString());
    }

    private sealed record ConnectorSyncResultView(int Due, string[] Pushed, string[] Unchanged, string[] Probed, string[] Revalidated, string[] Failed);
}
