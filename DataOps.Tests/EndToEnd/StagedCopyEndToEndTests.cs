using System.Collections.Concurrent;
using System.Net;
using Azure.Storage.Blobs;
using DataOps.Domain.Datasets;
using DataOps.Domain.Templates;
using DataOps.Functions.Archive;
using DataOps.Functions.Provisioning;
using DataOps.Functions.Registry;
using DataOps.Functions.Staging;
using DataOps.Functions.Validation;
using DataOps.Functions.Workflows;
using DataOps.MockData.Sanitization;
using DataOps.Tests.Functions.Registry;
using DataOps.Tests.Functions.Staging;
using DataOps.Tests.Infrastructure;
using DataOps.Tests.MockData.Sanitization;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Moq;

namespace DataOps.Tests.EndToEnd;

/// <summary>
/// Population stages exactly what it pushes (gzip JSON lines in blob storage, once per attempt), the checks validate that
/// copy and Glean's counts, the pilot export is read once per attempt, and teardown deletes the copy after archiving.
/// </summary>
public sealed class StagedCopyEndToEndTests(AzuriteFixture azurite)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Provision_Sandbox_StagesThePushedRecordsAndTheChecksNameTheCopy()
    {
        await using var app = await DataOpsApp.StartAsync(azurite);
        var dataset = await ProvisionAsync(app, "stg-1", "jira_issues");
        var store = app.Service<StagedCopyStore>();

        var (copy, records) = await StagedCopyStoreTests.ReadAllAsync(store, dataset.Id, 1, app.Service<DatasetRecordSource>().SchemaFor(dataset));

        Assert.Equal([$"{dataset.Id.Value}/attempt-1.jsonl.gz"], await store.ListAsync(dataset.Id, Ct));
        Assert.Equal($"{app.Prefix}-staging/{dataset.Id.Value}/attempt-1.jsonl.gz", copy.Location);
        Assert.Equal(dataset.RecordCount, copy.RecordCount);
        Assert.Equal(dataset.RecordCount, records.Count);
        Assert.Equal(dataset.SizeBytes, copy.SizeBytes);
        var connector = await app.Service<ConnectorStore>().GetAsync(dataset.ConnectorName.Value, Ct);
        Assert.Equal(records.Count, (await app.Glean.GetDatasourceAsync(connector!.Connector.DatasourceName))!.DocumentCount);
        var checks = await app.Service<QualityHistoryStore>().ReadAsync(dataset.Id.Value, Ct);
        foreach (var type in new[] { QualityCheckType.Schema, QualityCheckType.Completeness })
        {
            var check = checks.Single(c => c.Check.CheckType == type).Check;
            Assert.True(check.Passed, $"{type}: {string.Join("; ", check.Errors)}");
            Assert.Equal(copy.Location, check.Details[StagedCheck.StagedCopyDetail]);
        }

        Assert.Equal(records.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), checks.Single(c => c.Check.CheckType == QualityCheckType.Completeness).Check.Details["documentsInGlean"]);
        TestContext.Current.TestOutputHelper?.WriteLine($"jira_issues sandbox: {copy.RecordCount} records, {copy.SizeBytes} bytes as JSON lines, {copy.CompressedBytes} bytes staged");
    }

    [Fact]
    public async Task Revalidate_StagedCopyAltered_TheSchemaCheckFailsOnTheStagedRecords()
    {
        await using var app = await DataOpsApp.StartAsync(azurite);
        var dataset = await ProvisionAsync(app, "stg-2", "confluence_pages");
        var store = app.Service<StagedCopyStore>();
        var schema = app.Service<DatasetRecordSource>().SchemaFor(dataset)!;
        var (_, records) = await StagedCopyStoreTests.ReadAllAsync(store, dataset.Id, 1, schema);
        var field = schema.Fields.First(f => f.Required && f.Type == FieldType.String && f.Name != "id").Name;

        // The copy in storage now disagrees with what the template produces: the first record's field has a number.
        var altered = records.Select((r, i) => i == 0 ? new Dictionary<string, object?>(r, StringComparer.Ordinal) { [field] = 12345L } : r).ToList();
        await store.DeleteAllAsync(dataset.Id, Ct);
        await store.WriteIfAbsentAsync(dataset.Id, 1, altered, Ct);
        using (var response = await app.PostJsonAsync($"api/datasets/{dataset.Id.Value}/validate", new { }))
        {
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        }

        await Eventually.HoldsAsync(
            async () => (await app.Registry.GetAsync(dataset.Id, Ct))!.Dataset.Status == DatasetStatus.Failed,
            "the revalidated dataset fails",
            TimeSpan.FromSeconds(60));
        var schemaChecks = (await app.Service<QualityHistoryStore>().ReadAsync(dataset.Id.Value, Ct)).Where(c => c.Check.CheckType == QualityCheckType.Schema).OrderBy(c => c.ValidatedAt).ToList();
        Assert.True(schemaChecks[0].Check.Passed);
        var latest = schemaChecks[^1].Check;
        Assert.False(latest.Passed);
        Assert.Contains(latest.Errors, e => e.StartsWith("record 0", StringComparison.Ordinal) && e.Contains($"field '{field}' must be a string", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Revalidate_ADatasetPopulatedBeforeCopiesWereKept_StagesItFromTheSource_AndWarns()
    {
        await using var app = await DataOpsApp.StartAsync(azurite);
        var dataset = await ProvisionAsync(app, "stg-legacy", "github_repos");
        var store = app.Service<StagedCopyStore>();
        var schema = app.Service<DatasetRecordSource>().SchemaFor(dataset)!;
        var (_, pushed) = await StagedCopyStoreTests.ReadAllAsync(store, dataset.Id, 1, schema);

        // As a dataset populated by an earlier version has it: records in Glean, no staged copy.
        await store.DeleteAllAsync(dataset.Id, Ct);
        using (var response = await app.PostJsonAsync($"api/datasets/{dataset.Id.Value}/validate", new { }))
        {
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        }

        await Eventually.HoldsAsync(
            async () => (await app.Service<QualityHistoryStore>().ReadAsync(dataset.Id.Value, Ct)).Count(c => c.Check.CheckType == QualityCheckType.Schema) == 2
                && (await app.Registry.GetAsync(dataset.Id, Ct))!.Dataset.Status != DatasetStatus.Validating,
            "the revalidation is recorded",
            TimeSpan.FromSeconds(60));
        Assert.Equal(DatasetStatus.Ready, (await app.Registry.GetAsync(dataset.Id, Ct))!.Dataset.Status);
        var latest = (await app.Service<QualityHistoryStore>().ReadAsync(dataset.Id.Value, Ct)).OrderBy(c => c.ValidatedAt).TakeLast(4).ToList();
        // A check that found no copy (the schema and completeness checks run side by side: one or both) staged it and says so.
        Assert.Contains(latest, c => c.Check.Warnings.Any(w => w.Contains("had no staged copy", StringComparison.Ordinal)));
        Assert.All(latest, c => Assert.True(c.Check.Passed, string.Join("; ", c.Check.Errors)));
        var (_, restaged) = await StagedCopyStoreTests.ReadAllAsync(store, dataset.Id, 1, schema);
        Assert.Equal(pushed.Count, restaged.Count);
    }

    [Fact]
    public async Task Provision_Pilot_ReadsAndSanitizesTheExportOncePerAttempt()
    {
        var (app, counting) = await StartCountingPilotReadsAsync();
        await using var _ = app;
        var body = new
        {
            journeyId = "j-stg-pilot",
            clientId = PilotFixture.ClientId,
            clientName = "ACME Health",
            industry = "healthcare",
            useCase = "clinical_workflows",
            stage = "pilot",
            datasetTypes = new[] { "slack_messages" },
            requestedBy = "se@example.com",
        };

        using (var response = await app.PostJsonAsync("api/datasets/provision", body))
        {
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        }

        var outcome = (await app.WaitForCompletionAsync("provision:j-stg-pilot:pilot")).ReadOutputAs<ProvisionJourneyResult>()!.Datasets.Single();

        Assert.Equal(WorkflowOutcome.Ready, outcome.Outcome);
        Assert.Equal(1, counting.Opened(DatasetType.SlackMessages));
        var dataset = (await app.Registry.GetAsync(outcome.DatasetId, Ct))!.Dataset;
        var (copy, records) = await StagedCopyStoreTests.ReadAllAsync(app.Service<StagedCopyStore>(), dataset.Id, 1, app.Service<DatasetRecordSource>().SchemaFor(dataset));
        Assert.Equal(6, copy.RecordCount);
        Assert.Equal(6, records.Count);
    }

    [Fact]
    public async Task PopulateConnector_RunTwiceForOneAttempt_OneCopyTheSameContentOneSetOfDocumentsOneExportRead()
    {
        var (app, counting) = await StartCountingPilotReadsAsync();
        await using var _ = app;
        var record = await app.Registry.RegisterAsync(RegistryHarness.NewDataset("ds-stg-twice", client: PilotFixture.ClientId, stage: Stage.Pilot, type: DatasetType.SlackMessages, clientName: "ACME Health"), Ct);
        var id = record.Dataset.Id;
        var context = new Mock<TaskActivityContext>().Object;
        await ActivatorUtilities.CreateInstance<CreateConnector>(app.Host.Services).RunAsync(context, id);
        var populate = ActivatorUtilities.CreateInstance<PopulateConnector>(app.Host.Services);
        var blob = new BlobServiceClient(azurite.ConnectionString).GetBlobContainerClient(app.Prefix + "-staging").GetBlobClient(StagedCopyStore.BlobName(id, 1));

        var first = await populate.RunAsync(context, id);
        var firstContent = (await blob.DownloadContentAsync(Ct)).Value;
        var second = await populate.RunAsync(context, id);
        var secondContent = (await blob.DownloadContentAsync(Ct)).Value;

        Assert.Equal([StagedCopyStore.BlobName(id, 1)], await app.Service<StagedCopyStore>().ListAsync(id, Ct));
        Assert.Equal(firstContent.Details.ETag, secondContent.Details.ETag);
        Assert.Equal(firstContent.Content.ToArray(), secondContent.Content.ToArray());
        Assert.Equal(6, first.RecordCount);
        Assert.Equal(first.RecordCount, second.RecordCount);
        Assert.Equal(first.SizeBytes, second.SizeBytes);
        Assert.Equal(first.StagedCopy, second.StagedCopy);
        Assert.Equal(1, counting.Opened(DatasetType.SlackMessages));
        var connector = await app.Service<ConnectorStore>().GetAsync(record.Dataset.ConnectorName.Value, Ct);
        Assert.Equal(6, (await app.Glean.GetDatasourceAsync(connector!.Connector.DatasourceName))!.DocumentCount);
    }

    [Fact]
    public async Task Teardown_AfterTheGracePeriod_ArchivesTheStagedRecordsThenDeletesTheCopy()
    {
        await using var app = await DataOpsApp.StartAsync(azurite);
        var dataset = await ProvisionAsync(app, "stg-3", "slack_messages");
        var store = app.Service<StagedCopyStore>();
        var (_, records) = await StagedCopyStoreTests.ReadAllAsync(store, dataset.Id, 1, app.Service<DatasetRecordSource>().SchemaFor(dataset));

        using (var response = await app.PostJsonAsync($"api/datasets/{dataset.Id.Value}/teardown", new { reason = "manual", force = true }))
        {
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        }

        var done = await app.WaitForCompletionAsync(LifecycleWorkflows.Teardown(dataset.Id));

        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.Equal(DatasetStatus.Archived, (await app.Registry.GetAsync(dataset.Id, Ct))!.Dataset.Status);
        Assert.Empty(await store.ListAsync(dataset.Id, Ct));
        var folder = DatasetArchive.FolderOf(dataset.ClientId.Value, dataset.Stage.ToWireName(), dataset.Type.ToWireName(), dataset.Id.Value);
        using var sample = await app.Service<DatasetArchiveStore>().ReadAsync(folder, "sample_data.json.gz", Ct);
        Assert.Equal(
            records.Take(sample.RootElement.GetArrayLength()).Select(r => (string?)r["id"]).ToList(),
            sample.RootElement.EnumerateArray().Select(r => r.GetProperty("id").GetString()).ToList());
    }

    [Fact]
    public async Task Teardown_CancelledInTheGracePeriod_KeepsTheCopyAndRevalidatesFromIt()
    {
        await using var app = await DataOpsApp.StartAsync(azurite, new Dictionary<string, string?> { ["DataOps:Teardown:GracePeriod"] = "00:10:00" });
        var dataset = await ProvisionAsync(app, "stg-4", "github_repos");
        var store = app.Service<StagedCopyStore>();
        var instanceId = LifecycleWorkflows.Teardown(dataset.Id);
        using (var response = await app.PostJsonAsync($"api/datasets/{dataset.Id.Value}/teardown", new { reason = "manual", force = true }))
        {
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        }

        await Eventually.HoldsAsync(
            async () => (await app.Durable.GetInstanceAsync(instanceId, true, Ct))?.SerializedCustomStatus?.Contains("\"grace_period\"", StringComparison.Ordinal) == true,
            "the teardown reaches its grace period",
            TimeSpan.FromSeconds(60));
        using (var response = await app.PostJsonAsync($"api/teardowns/{dataset.Id.Value}/cancel", new { reason = "torn down by mistake" }))
        {
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        }

        var done = await app.WaitForCompletionAsync(instanceId);

        Assert.Contains("cancelled", done.SerializedOutput, StringComparison.Ordinal);
        Assert.Equal(DatasetStatus.Ready, (await app.Registry.GetAsync(dataset.Id, Ct))!.Dataset.Status);
        Assert.Equal([$"{dataset.Id.Value}/attempt-1.jsonl.gz"], await store.ListAsync(dataset.Id, Ct));
        var restored = (await app.Service<QualityHistoryStore>().ReadAsync(dataset.Id.Value, Ct)).Where(c => c.Check.CheckType == QualityCheckType.Schema).ToList();
        Assert.Equal(2, restored.Count);
        Assert.All(restored, c => Assert.True(c.Check.Passed && c.Check.Details.ContainsKey(StagedCheck.StagedCopyDetail)));
    }

    private static async Task<Dataset> ProvisionAsync(DataOpsApp app, string journey, string type)
    {
        using (var response = await app.PostJsonAsync("api/datasets/provision", DataOpsApp.ProvisionBody(journey, "acme", "ACME", type)))
        {
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        }

        var outcome = (await app.WaitForCompletionAsync($"provision:{journey}:sandbox")).ReadOutputAs<ProvisionJourneyResult>()!.Datasets.Single();
        Assert.True(outcome.Outcome == WorkflowOutcome.Ready, outcome.Error);
        return (await app.Registry.GetAsync(outcome.DatasetId, Ct))!.Dataset;
    }

    /// <summary>An app reading pilot exports from a container of the test's, through a source that counts the reads.</summary>
    private async Task<(DataOpsApp App, CountingExportSource Counting)> StartCountingPilotReadsAsync()
    {
        var exports = await PilotExportsAsync();
        var counting = new CountingExportSource(exports);
        var app = await DataOpsApp.StartAsync(
            azurite.ConnectionString,
            new Dictionary<string, string?> { ["MockData:PilotExportContainer"] = exports.Name },
            configure: b => b.Services.AddSingleton<IPilotExportSource>(counting));
        return (app, counting);
    }

    private async Task<BlobContainerClient> PilotExportsAsync()
    {
        var container = new BlobServiceClient(azurite.ConnectionString).GetBlobContainerClient(AzuriteFixture.UniqueName("pilot"));
        await container.CreateIfNotExistsAsync(cancellationToken: Ct);
        await container.GetBlobClient(BlobPilotExportSource.BlobName(PilotFixture.ClientId, DatasetType.SlackMessages))
            .UploadAsync(BinaryData.FromBytes(await File.ReadAllBytesAsync(PilotFixture.ExportPath("slack_messages"), Ct)), cancellationToken: Ct);
        return container;
    }

    /// <summary>The blob export source, counting how often each dataset type's export is opened.</summary>
    private sealed class CountingExportSource(BlobContainerClient container) : IPilotExportSource
    {
        private readonly BlobPilotExportSource _inner = new(container);
        private readonly ConcurrentDictionary<DatasetType, int> _opened = new();

        public int Opened(DatasetType type) => _opened.GetValueOrDefault(type);

        public Task<Stream> OpenAsync(string clientId, DatasetType datasetType, CancellationToken cancellationToken)
        {
            _opened.AddOrUpdate(datasetType, 1, (_, n) => n + 1);
            return _inner.OpenAsync(clientId, datasetType, cancellationToken);
        }
    }
}
