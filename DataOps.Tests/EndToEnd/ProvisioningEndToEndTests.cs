using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DataOps.Domain.Datasets;
using DataOps.Functions.Archive;
using DataOps.Functions.Provisioning;
using DataOps.Functions.Registry;
using DataOps.Functions.Validation;
using DataOps.Tests.Infrastructure;
using Microsoft.DurableTask.Client;

namespace DataOps.Tests.EndToEnd;

public sealed class ProvisioningEndToEndTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Provision_TwoTypes_BothReadyWithTheirRecordsInGlean()
    {
        await using var app = await DataOpsApp.StartAsync(azurite);

        using var response = await app.PostJsonAsync("api/datasets/provision", DataOpsApp.ProvisionBody("j-1", "acme", "ACME", "confluence_pages", "github_repos"));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var accepted = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.Equal("provision:j-1:sandbox", accepted.GetProperty("id").GetString());
        Assert.NotNull(response.Headers.Location);
        var done = await app.WaitForCompletionAsync("provision:j-1:sandbox");
        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);

        var list = await app.GetJsonAsync("api/datasets?journeyId=j-1");
        var items = list.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(2, items.Count);
        foreach (var item in items)
        {
            Assert.Equal("ready", item.GetProperty("status").GetString());
            Assert.True(item.GetProperty("qualityScore").GetDouble() >= 95);
            var detail = await app.GetJsonAsync("api/datasets/" + item.GetProperty("datasetId").GetString());
            var datasource = detail.GetProperty("connector").GetProperty("gleanDatasource").GetString()!;
            var inGlean = await app.Glean.GetDatasourceAsync(datasource);
            Assert.Equal(item.GetProperty("recordCount").GetInt64(), inGlean!.DocumentCount);
            Assert.Equal(4, detail.GetProperty("qualityChecks").GetArrayLength());
        }

        Assert.Equal(500, items.Single(i => i.GetProperty("datasetType").GetString() == "confluence_pages").GetProperty("recordCount").GetInt64());

        // The work ran through the app's own orchestration and activity functions (the ones the Functions host invokes),
        // which the Durable extension triggered.
        var invoked = app.Service<DataOps.LocalHost.WebJobs.FunctionBridge>().Invocations;
        Assert.All(
            [nameof(ProvisioningWorkflowFunctions.ProvisionJourneyDatasets), nameof(ProvisioningWorkflowFunctions.ProvisionDataset),
             nameof(ValidationWorkflowFunctions.ValidateDataset), nameof(ProvisioningWorkflowFunctions.RegisterDataset),
             nameof(ProvisioningWorkflowFunctions.CreateConnector), nameof(ProvisioningWorkflowFunctions.PopulateConnector),
             nameof(ValidationWorkflowFunctions.RunSchemaCheck), nameof(ValidationWorkflowFunctions.RunSampleQueryCheck),
             nameof(ValidationWorkflowFunctions.RecordValidation)],
            name => Assert.True(invoked.GetValueOrDefault(name) > 0, $"{name} was not invoked"));
        Assert.Equal(2, invoked[nameof(ProvisioningWorkflowFunctions.CreateConnector)]);
    }

    [Fact]
    public async Task Provision_SameRequestTwice_OneInstanceThenConflictOnceActive()
    {
        await using var app = await DataOpsApp.StartAsync(azurite);
        var body = DataOpsApp.ProvisionBody("j-2", "globex", "Globex", "jira_issues");

        using var first = await app.PostJsonAsync("api/datasets/provision", body);
        using var second = await app.PostJsonAsync("api/datasets/provision", body);
        await app.WaitForCompletionAsync("provision:j-2:sandbox");
        using var third = await app.PostJsonAsync("api/datasets/provision", body);

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Contains(second.StatusCode, new[] { HttpStatusCode.Accepted, HttpStatusCode.Conflict });
        Assert.Equal(HttpStatusCode.Conflict, third.StatusCode);
        Assert.Equal("application/problem+json", third.Content.Headers.ContentType?.MediaType);
        var all = await app.Registry.ListAsync(new DatasetQuery { ClientId = ClientId.Create("globex") }, TestContext.Current.CancellationToken);
        Assert.Single(all.Items);
    }

    [Fact]
    public async Task Provision_ASecondClientWithTheSameClientName_IsRefusedWithoutNamingTheFirstClientsDatasets_AndLeavesNothing()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var app = await DataOpsApp.StartAsync(azurite);
        using var _ = await app.PostJsonAsync("api/datasets/provision", DataOpsApp.ProvisionBody("twin-1", "twin-a", "Twin Co", "jira_issues"));
        await app.WaitForCompletionAsync("provision:twin-1:sandbox");
        var first = (await app.Registry.ListAsync(new DatasetQuery { ClientId = ClientId.Create("twin-a") }, ct)).Items.Single();

        // Over HTTP: refused before anything is written, without the first client's id or datasets.
        using var refused = await app.PostJsonAsync("api/datasets/provision", DataOpsApp.ProvisionBody("twin-2", "twin-b", "Twin Co", "jira_issues"));
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var problem = await refused.Content.ReadAsStringAsync(ct);
        Assert.Contains("'Twin Co-sandbox-jira' is in use by another client's dataset", problem, StringComparison.Ordinal);
        Assert.Contains("give client 'twin-b' a client name no other client uses", problem, StringComparison.Ordinal);
        Assert.DoesNotContain(first.Id.Value, problem, StringComparison.Ordinal);
        Assert.DoesNotContain("twin-a", problem, StringComparison.Ordinal);
        Assert.Null(await app.Durable.GetInstanceAsync("provision:twin-2:sandbox", ct));
        Assert.Null(await app.Service<JourneyProjectionStore>().GetAsync("twin-2", ct));

        // From the journey queue: the dataset is refused, not reported as the other client's active dataset.
        await app.SendJourneyEventAsync(new
        {
            type = "DatasetProvisionRequested", journeyId = "twin-3", clientId = "twin-b", clientName = "Twin Co", industry = "healthcare",
            useCase = "clinical_workflows", stage = "sandbox", datasetTypes = new[] { "jira_issues" }, requestedBy = "se@example.com",
        });
        await Eventually.HoldsAsync(async () => await app.Durable.GetInstanceAsync("provision:twin-3:sandbox", ct) is not null, "the queued request starts", TimeSpan.FromSeconds(60));
        var done = await app.WaitForCompletionAsync("provision:twin-3:sandbox");
        var output = done.SerializedOutput!;
        Assert.Contains("\"outcome\":\"refused\"", output, StringComparison.Ordinal);
        Assert.DoesNotContain(first.Id.Value, output, StringComparison.Ordinal);
        Assert.Empty((await app.Registry.ListAsync(new DatasetQuery { ClientId = ClientId.Create("twin-b") }, ct)).Items);
        Assert.Equal(first.Id, await app.Registry.FindConnectorNameHolderAsync(first.ConnectorName, ct));
    }

    [Fact]
    public async Task Provision_PastTheClientsDatasetLimit_IsRefusedNamingTheField_AndLeavesNothing_OnBothPaths()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var app = await DataOpsApp.StartAsync(azurite, new Dictionary<string, string?> { ["DataOps:Provisioning:MaxDatasetsPerClient"] = "2" });
        using var _ = await app.PostJsonAsync("api/datasets/provision", DataOpsApp.ProvisionBody("cap-1", "capped", "Capped Co", "jira_issues"));
        await app.WaitForCompletionAsync("provision:cap-1:sandbox");

        // Over HTTP: one dataset live, two more asked for: 400 naming the field, nothing written, nothing started.
        using var refused = await app.PostJsonAsync("api/datasets/provision", DataOpsApp.ProvisionBody("cap-2", "capped", "Capped Co", "slack_messages", "github_repos"));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync(ct));
        var message = problem.RootElement.GetProperty("errors").GetProperty("datasetTypes")[0].GetString();
        Assert.Contains("has 1 datasets that are not archived and this request adds 2; a client may have at most 2", message, StringComparison.Ordinal);
        Assert.Null(await app.Durable.GetInstanceAsync("provision:cap-2:sandbox", ct));
        Assert.Null(await app.Service<JourneyProjectionStore>().GetAsync("cap-2", ct));
        Assert.Single((await app.Registry.ListAsync(new DatasetQuery { ClientId = ClientId.Create("capped") }, ct)).Items);

        // Within the limit the same client goes on; from the journey queue, the dataset past the limit is refused.
        using var accepted = await app.PostJsonAsync("api/datasets/provision", DataOpsApp.ProvisionBody("cap-3", "capped", "Capped Co", "slack_messages"));
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        await app.WaitForCompletionAsync("provision:cap-3:sandbox");
        await app.SendJourneyEventAsync(new
        {
            type = "DatasetProvisionRequested", journeyId = "cap-4", clientId = "capped", clientName = "Capped Co", industry = "healthcare",
            useCase = "clinical_workflows", stage = "pilot", datasetTypes = new[] { "github_repos" }, requestedBy = "se@example.com",
        });
        await Eventually.HoldsAsync(async () => await app.Durable.GetInstanceAsync("provision:cap-4:pilot", ct) is not null, "the queued request starts", TimeSpan.FromSeconds(60));
        var done = await app.WaitForCompletionAsync("provision:cap-4:pilot");
        Assert.Contains("\"outcome\":\"refused\"", done.SerializedOutput!, StringComparison.Ordinal);
        Assert.Contains("a client may have at most 2", done.SerializedOutput!, StringComparison.Ordinal);
        Assert.Equal(2, (await app.Registry.ListAsync(new DatasetQuery { ClientId = ClientId.Create("capped") }, ct)).Items.Count);
    }

    [Fact]
    public async Task Provision_MoreDatasetsThanTheStagesSeats_WaitTheirTurn_AndAllBecomeReady()
    {
        // One seat for the sandbox stage: four datasets of two requests are provisioned one at a time, none refused.
        var ct = TestContext.Current.CancellationToken;
        await using var app = await DataOpsApp.StartAsync(azurite, new Dictionary<string, string?> { ["DataOps:Provisioning:MaxParallelPerStage"] = "1" });
        using var first = await app.PostJsonAsync("api/datasets/provision", DataOpsApp.ProvisionBody("seat-1", "seated-a", "Seated A", "jira_issues", "slack_messages"));
        using var second = await app.PostJsonAsync("api/datasets/provision", DataOpsApp.ProvisionBody("seat-2", "seated-b", "Seated B", "jira_issues", "github_repos"));
        var slots = app.Service<ProvisioningSlots>();
        var mostHeld = 0;
        var queued = false;
        await Eventually.HoldsAsync(
            async () =>
            {
                mostHeld = Math.Max(mostHeld, await slots.CountHeldAsync(Stage.Sandbox, ct));
                foreach (var type in new[] { "jira_issues", "slack_messages" })
                {
                    var instance = await app.Durable.GetInstanceAsync($"provision:seat-1:sandbox:{type}", true, ct);
                    queued |= instance?.SerializedCustomStatus?.Contains("\"queued\"", StringComparison.Ordinal) == true;
                }

                var done = await Task.WhenAll(app.Durable.GetInstanceAsync("provision:seat-1:sandbox", ct), app.Durable.GetInstanceAsync("provision:seat-2:sandbox", ct));
                return done.All(d => d?.RuntimeStatus == OrchestrationRuntimeStatus.Completed);
            },
            "both requests finish",
            TimeSpan.FromSeconds(240));

        var datasets = (await app.Registry.ListAsync(new DatasetQuery { Stage = Stage.Sandbox }, ct)).Items.Where(d => d.JourneyId.Value is "seat-1" or "seat-2").ToList();
        Assert.Equal(4, datasets.Count);
        Assert.All(datasets, d => Assert.Equal(DatasetStatus.Ready, d.Status));
        Assert.True(mostHeld <= 1, $"{mostHeld} seats were held at once; the stage has one");
        Assert.True(queued, "a provision waited for the seat");
        Assert.Equal(0, await slots.CountHeldAsync(Stage.Sandbox, ct));
    }

    [Fact]
    public async Task StageChanged_LeavesSandbox_DatasetArchivedWithBlobsAndEmptyDatasource()
    {
        await using var app = await DataOpsApp.StartAsync(azurite);
        using var _ = await app.PostJsonAsync("api/datasets/provision", DataOpsApp.ProvisionBody("j-3", "initech", "Initech", "slack_messages"));
        await app.WaitForCompletionAsync("provision:j-3:sandbox");
        var dataset = (await app.Registry.ListAsync(new DatasetQuery { JourneyId = JourneyId.Create("j-3") }, TestContext.Current.CancellationToken)).Items.Single();
        var connector = await app.Service<ConnectorStore>().GetAsync(dataset.ConnectorName.Value, TestContext.Current.CancellationToken);

        await app.SendJourneyEventAsync(new { type = "JourneyStageChanged", journeyId = "j-3", clientId = "initech", fromStage = "sandbox", toStage = "pilot", occurredAt = DateTimeOffset.UtcNow });

        await Eventually.HoldsAsync(
            async () => (await app.Registry.GetAsync(dataset.Id, TestContext.Current.CancellationToken))!.Dataset.Status == DatasetStatus.Archived,
            "the dataset is archived",
            TimeSpan.FromSeconds(90));
        var archived = (await app.Registry.GetAsync(dataset.Id, TestContext.Current.CancellationToken))!.Dataset;
        Assert.Equal(TeardownReason.StageTransition, archived.TeardownReason);
        var location = archived.ArchiveLocation!;
        var folder = location[(location.IndexOf('/', StringComparison.Ordinal) + 1)..];
        Assert.True(await app.Service<DatasetArchiveStore>().IsCompleteAsync(folder, TestContext.Current.CancellationToken));
        var inGlean = await app.Glean.GetDatasourceAsync(connector!.Connector.DatasourceName);
        Assert.Equal(0, inGlean!.DocumentCount);
        var audit = await app.Service<AuditLog>().ReadAsync(dataset.Id.Value, TestContext.Current.CancellationToken);
        Assert.Equal(1, audit.Count(a => a.EventType == "DatasetArchived"));
        Assert.Equal(1, audit.Count(a => a.EventType == "DatasetTeardownStarted"));

        // Every event of the dataset's life is audited once and published, the request's included.
        var requests = await app.Service<AuditLog>().ReadAsync("j-3", TestContext.Current.CancellationToken);
        Assert.Contains("\"requestedBy\":\"se@example.com\"", Assert.Single(requests, r => r.EventType == "DatasetProvisionRequested").Payload, StringComparison.Ordinal);
        string[] lifecycle =
        [
            "DatasetProvisioningStarted", "ConnectorCreated", "DatasetValidationStarted", "DatasetReady", "DatasetProvisionCompleted",
            "DatasetTeardownStarted", "ConnectorHealthChanged", "DatasetArchived",
        ];
        Assert.All(lifecycle, type => Assert.Contains(audit, a => a.EventType == type));
        Assert.Equal(audit.Count, audit.Select(a => a.EventId).Distinct().Count());
        var published = await PublishedEventsAsync(app);
        Assert.All(lifecycle.Append("DatasetProvisionRequested"), type => Assert.Contains(type, published));
        Assert.Null(await app.Registry.FindSlotHolderAsync(ClientId.Create("initech"), Stage.Sandbox, DatasetType.SlackMessages, TestContext.Current.CancellationToken));
    }

    /// <summary>The event types on the dataset-events queue (every message, hidden for a minute as it is read).</summary>
    private static async Task<HashSet<string>> PublishedEventsAsync(DataOpsApp app)
    {
        var queue = new Azure.Storage.Queues.QueueClient(app.StorageConnectionString, app.Prefix + "-dataset-events");
        var types = new HashSet<string>(StringComparer.Ordinal);
        while (true)
        {
            var messages = (await queue.ReceiveMessagesAsync(32, TimeSpan.FromMinutes(1), TestContext.Current.CancellationToken)).Value;
            if (messages.Length == 0)
            {
                return types;
            }

            foreach (var message in messages)
            {
                using var payload = JsonDocument.Parse(Convert.FromBase64String(message.Body.ToString()));
                types.Add(payload.RootElement.GetProperty("eventType").GetString()!);
            }
        }
    }
}
