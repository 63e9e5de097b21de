using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DataOps.Domain.Datasets;
using DataOps.Functions.Registry;
using DataOps.Functions.Watch;
using DataOps.Functions.Workflows;
using DataOps.GleanEmulator.Faults;
using DataOps.Tests.Infrastructure;
using Microsoft.DurableTask.Client;

namespace DataOps.Tests.EndToEnd;

/// <summary>
/// The failure paths an operator meets, end to end against the emulator: a failure that Glean keeps failing, a FAILED
/// dataset retried in place, a Glean outage longer than every retry, and no dataset left stuck.
/// </summary>
public sealed class FailurePathsEndToEndTests(AzuriteFixture azurite)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The health sweep every few seconds, repairing what has stood still for a second.</summary>
    private static readonly Dictionary<string, string?> FastSweep = new()
    {
        ["Glean:MaxRetryAttempts"] = "1",
        ["DataOps:HealthSweep:Schedule"] = "*/3 * * * * *",
        ["DataOps:HealthSweep:StallAge"] = "00:00:01",
    };

    [Fact]
    public async Task Revalidation_OfAConnectorWhoseOwnErrorsPassOnePercent_FailsTheHealthCheckOnTheMeasuredRate()
    {
        await using var app = await DataOpsApp.StartAsync(azurite);
        using var _ = await app.PostJsonAsync("api/datasets/provision", DataOpsApp.ProvisionBody("err-1", "err-client", "Err Co", "jira_issues"));
        await app.WaitForCompletionAsync("provision:err-1:sandbox");
        var dataset = (await app.Registry.ListAsync(new DatasetQuery { JourneyId = JourneyId.Create("err-1") }, Ct)).Items.Single();
        var before = (await app.GetJsonAsync($"api/datasets/{dataset.Id}")).GetProperty("connector").GetProperty("metrics");
        var datasource = (await app.Service<ConnectorStore>().GetOwnedAsync(dataset.Id, dataset.ConnectorName, Ct))!.Connector.DatasourceName;

        // What provisioning measured: one sync Glean took, the sample queries and the health probe, no error.
        Assert.Equal(1, before.GetProperty("syncs").GetInt64());
        Assert.Equal(1, before.GetProperty("syncSuccessRate").GetDouble());
        Assert.True(before.GetProperty("queries").GetInt64() > 0);
        Assert.True(before.GetProperty("probes").GetInt64() > 0);
        Assert.Equal(0, before.GetProperty("errorRateLast24Hours").GetDouble());
        Assert.True(before.GetProperty("freshnessMinutes").GetDouble() >= 0);

        // Glean refused three searches of the datasource since (what the adapter tells its observers of such a call).
        var metrics = app.Service<ConnectorMetricsStore>();
        for (var i = 0; i < 3; i++)
        {
            await metrics.ObserveAsync(new DataOps.Glean.Metrics.ConnectorCall(datasource, DataOps.Glean.Metrics.ConnectorCallKind.Query, DataOps.Glean.Metrics.ConnectorCallOutcome.Failed, TimeSpan.FromMilliseconds(30), DateTimeOffset.UtcNow), Ct);
        }

        using var validate = await app.PostJsonAsync($"api/datasets/{dataset.Id}/validate", new { });
        var instance = (await validate.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetString()!;
        await app.WaitForCompletionAsync(instance);

        var detail = await app.GetJsonAsync($"api/datasets/{dataset.Id}");
        var health = detail.GetProperty("qualityChecks").EnumerateArray().Last(c => c.GetProperty("checkType").GetString() == "connector_health");
        Assert.False(health.GetProperty("passed").GetBoolean());
        Assert.Contains(health.GetProperty("errors").EnumerateArray(), e => e.GetString()!.Contains("error rate", StringComparison.Ordinal));
        Assert.Equal("failed", detail.GetProperty("dataset").GetProperty("status").GetString());
        Assert.Equal("unhealthy", detail.GetProperty("connector").GetProperty("status").GetString());
        Assert.Equal(3, detail.GetProperty("connector").GetProperty("metrics").GetProperty("errorsLast24Hours").GetInt64());
    }

    [Fact]
    public async Task FailedDataset_IsRetriedInPlace_AndANewRequestMeanwhileIsToldToRetryIt()
    {
        await using var app = await DataOpsApp.StartAsync(azurite, new Dictionary<string, string?> { ["Glean:MaxRetryAttempts"] = "1" });
        var failed = await FailFirstProvisionAsync(app, "retry-1", "umbrella", "Umbrella");

        // A new request for the same client, stage and type: the FAILED dataset keeps its connector name.
        using (var again = await app.PostJsonAsync("api/datasets/provision", DataOpsApp.ProvisionBody("retry-2", "umbrella", "Umbrella", "jira_issues")))
        {
            Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
            var problem = await again.Content.ReadFromJsonAsync<JsonElement>(Ct);
            var detail = problem.GetProperty("detail").GetString()!;
            Assert.Contains(failed.Id.Value, detail, StringComparison.Ordinal);
            Assert.Contains($"POST /api/datasets/{failed.Id.Value}/retry", detail, StringComparison.Ordinal);
        }

        Assert.Null(await app.Durable.GetInstanceAsync("provision:retry-2:sandbox", false, Ct));

        using (var retry = await app.PostJsonAsync($"api/datasets/{failed.Id.Value}/retry", new { reason = "Glean is back" }))
        {
            Assert.Equal(HttpStatusCode.Accepted, retry.StatusCode);
        }

        // Asking again for the same failure answers with the same retry.
        using (var twice = await app.PostJsonAsync($"api/datasets/{failed.Id.Value}/retry", new { }))
        {
            Assert.Equal(HttpStatusCode.Accepted, twice.StatusCode);
            var status = await twice.Content.ReadFromJsonAsync<JsonElement>(Ct);
            Assert.Equal(LifecycleWorkflows.Retry(failed.Id, 2), status.GetProperty("id").GetString());
        }

        var done = await app.WaitForCompletionAsync(LifecycleWorkflows.Retry(failed.Id, 2), TimeSpan.FromSeconds(120));
        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        var retried = (await app.Registry.GetAsync(failed.Id, Ct))!.Dataset;
        Assert.Equal(DatasetStatus.Ready, retried.Status);
        Assert.Equal(2, retried.Attempt);
        Assert.Equal(failed.ConnectorName, retried.ConnectorName);
        var connector = await app.Service<ConnectorStore>().GetOwnedAsync(failed.Id, failed.ConnectorName, Ct);
        Assert.Equal(retried.RecordCount, (await app.Glean.GetDatasourceAsync(connector!.Connector.DatasourceName))!.DocumentCount);
        var audit = await app.Service<AuditLog>().ReadAsync(failed.Id.Value, Ct);
        Assert.Equal(2, audit.Count(a => a.EventType == "DatasetProvisioningStarted"));
        Assert.Equal(failed.Id, await app.Registry.FindSlotHolderAsync(ClientId.Create("umbrella"), Stage.Sandbox, DatasetType.JiraIssues, Ct));

        // A READY dataset is not retried.
        using var notFailed = await app.PostJsonAsync($"api/datasets/{failed.Id.Value}/retry", new { });
        Assert.Equal(HttpStatusCode.Conflict, notFailed.StatusCode);
    }

    [Fact]
    public async Task BulkRetry_RetriesTheClientsFailedDatasets_AndOnlyThose()
    {
        await using var app = await DataOpsApp.StartAsync(azurite, new Dictionary<string, string?> { ["Glean:MaxRetryAttempts"] = "1" });
        await app.Glean.SetFaultsAsync(new FaultSettings { Share503 = 1.0, PathPrefix = "/api/index/v1/bulkindexdocuments" });
        try
        {
            using (var first = await app.PostJsonAsync("api/datasets/provision", DataOpsApp.ProvisionBody("bulk-1", "wayne", "Wayne", "jira_issues", "github_repos")))
            {
                Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
            }

            using (var other = await app.PostJsonAsync("api/datasets/provision", DataOpsApp.ProvisionBody("bulk-2", "stark", "Stark", "jira_issues")))
            {
                Assert.Equal(HttpStatusCode.Accepted, other.StatusCode);
            }

            await app.WaitForCompletionAsync("provision:bulk-1:sandbox", TimeSpan.FromSeconds(180));
            await app.WaitForCompletionAsync("provision:bulk-2:sandbox", TimeSpan.FromSeconds(180));
        }
        finally
        {
            await app.Glean.ClearFaultsAsync();
        }

        var wayne = (await app.Registry.ListAsync(new DatasetQuery { ClientId = ClientId.Create("wayne") }, Ct)).Items;
        Assert.All(wayne, d => Assert.Equal(DatasetStatus.Failed, d.Status));

        // A filter that matches nothing starts nothing.
        using (var none = await app.PostJsonAsync("api/datasets/retry", new { clientId = "wayne", failedSince = DateTimeOffset.UtcNow.AddHours(1).ToString("O") }))
        {
            Assert.Equal(HttpStatusCode.OK, none.StatusCode);
            Assert.Equal(0, (await none.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("matched").GetInt32());
        }

        using (var bulk = await app.PostJsonAsync("api/datasets/retry", new { clientId = "wayne", reason = "Glean is back" }))
        {
            Assert.Equal(HttpStatusCode.Accepted, bulk.StatusCode);
            var answer = await bulk.Content.ReadFromJsonAsync<JsonElement>(Ct);
            Assert.Equal(2, answer.GetProperty("matched").GetInt32());
            Assert.Equal(2, answer.GetProperty("started").GetArrayLength());
            Assert.Empty(answer.GetProperty("refused").EnumerateArray());
        }

        foreach (var dataset in wayne)
        {
            var done = await app.WaitForCompletionAsync(LifecycleWorkflows.Retry(dataset.Id, 2), TimeSpan.FromSeconds(180));
            Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
            var retried = (await app.Registry.GetAsync(dataset.Id, Ct))!.Dataset;
            Assert.True(retried.Status == DatasetStatus.Ready, $"{dataset.Id} is {retried.Status}: {retried.FailureReason}");
        }

        var stark = (await app.Registry.ListAsync(new DatasetQuery { ClientId = ClientId.Create("stark") }, Ct)).Items.Single();
        Assert.Equal(DatasetStatus.Failed, stark.Status);
        Assert.Equal(1, stark.Attempt);
    }

    [Fact]
    public async Task FailedDataset_TornDownAndArchived_ThenANewDatasetTakesItsName()
    {
        await using var app = await DataOpsApp.StartAsync(azurite, new Dictionary<string, string?>
        {
            ["Glean:MaxRetryAttempts"] = "1",
            ["DataOps:Teardown:GracePeriod"] = "00:00:02",
        });
        var failed = await FailFirstProvisionAsync(app, "own-1", "initech", "Initech");

        using (var teardown = await app.PostJsonAsync($"api/datasets/{failed.Id.Value}/teardown", new { reason = "manual", force = true }))
        {
            Assert.Equal(HttpStatusCode.Accepted, teardown.StatusCode);
        }

        await app.WaitForCompletionAsync(LifecycleWorkflows.Teardown(failed.Id), TimeSpan.FromSeconds(120));
        Assert.Equal(DatasetStatus.Archived, (await app.Registry.GetAsync(failed.Id, Ct))!.Dataset.Status);

        using (var second = await app.PostJsonAsync("api/datasets/provision", DataOpsApp.ProvisionBody("own-2", "initech", "Initech", "jira_issues")))
        {
            Assert.Equal(HttpStatusCode.Accepted, second.StatusCode);
        }

        await app.WaitForCompletionAsync("provision:own-2:sandbox", TimeSpan.FromSeconds(120));
        var successor = (await app.Registry.ListAsync(new DatasetQuery { JourneyId = JourneyId.Create("own-2") }, Ct)).Items.Single();
        Assert.Equal(DatasetStatus.Ready, successor.Status);
        Assert.Equal(failed.ConnectorName, successor.ConnectorName);
        var row = await app.Service<ConnectorStore>().GetAsync(successor.ConnectorName.Value, Ct);
        Assert.Equal(successor.Id.Value, row!.DatasetId);
        Assert.Equal(successor.RecordCount, (await app.Glean.GetDatasourceAsync(row.Connector.DatasourceName))!.DocumentCount);
    }

    [Fact]
    public async Task Compensation_GleanStillFailing_FailsTheDatasetAtOnce_AndTheSweepEmptiesTheConnectorOnceGleanAnswers()
    {
        await using var app = await DataOpsApp.StartAsync(azurite, FastSweep);
        // Every indexing call fails: population, and the compensation's emptying after it.
        await app.Glean.SetFaultsAsync(new FaultSettings { Share503 = 1.0, PathPrefix = "/api/index/v1/bulkindexdocuments" });
        DatasetSnapshot failed;
        try
        {
            using (var first = await app.PostJsonAsync("api/datasets/provision", DataOpsApp.ProvisionBody("comp-1", "hooli", "Hooli", "jira_issues")))
            {
                Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
            }

            var done = await app.WaitForCompletionAsync("provision:comp-1:sandbox", TimeSpan.FromSeconds(180));
            Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
            failed = (await app.Registry.ListAsync(new DatasetQuery { JourneyId = JourneyId.Create("comp-1") }, Ct)).Items.Single();

            // Glean still fails, yet the local half is done: FAILED, and the slot is free.
            Assert.Equal(DatasetStatus.Failed, failed.Status);
            Assert.Null(await app.Registry.FindSlotHolderAsync(ClientId.Create("hooli"), Stage.Sandbox, DatasetType.JiraIssues, Ct));
            var pending = await app.Service<ConnectorStore>().GetOwnedAsync(failed.Id, failed.ConnectorName, Ct);
            Assert.NotEqual(ConnectorStatuses.Retired, pending!.Status);
        }
        finally
        {
            await app.Glean.ClearFaultsAsync();
        }

        await Eventually.HoldsAsync(
            async () => (await app.Service<ConnectorStore>().GetOwnedAsync(failed.Id, failed.ConnectorName, Ct))?.Status == ConnectorStatuses.Retired,
            "the health sweep finishes the compensation",
            TimeSpan.FromSeconds(90));
        Assert.Equal(DatasetStatus.Failed, (await app.Registry.GetAsync(failed.Id, Ct))!.Dataset.Status);
    }

    [Fact]
    public async Task HealthSweep_GleanOutageLongerThanEveryRetry_LeavesTheDatasetValidating_ThenReadyOnceGleanAnswers()
    {
        await using var app = await DataOpsApp.StartAsync(azurite, new Dictionary<string, string?>(FastSweep) { ["DataOps:HealthSweep:Schedule"] = "0 0 0 1 1 *" });
        using (var _ = await app.PostJsonAsync("api/datasets/provision", DataOpsApp.ProvisionBody("outage-1", "globex", "Globex", "jira_issues")))
        {
            await app.WaitForCompletionAsync("provision:outage-1:sandbox", TimeSpan.FromSeconds(120));
        }

        var dataset = (await app.Registry.ListAsync(new DatasetQuery { JourneyId = JourneyId.Create("outage-1") }, Ct)).Items.Single();
        Assert.Equal(DatasetStatus.Ready, dataset.Status);
        var connector = await app.Service<ConnectorStore>().GetOwnedAsync(dataset.Id, dataset.ConnectorName, Ct);
        await app.Glean.SetFaultsAsync(new FaultSettings { Share503 = 1.0, PathPrefix = "/rest/api/v1/search" });
        await app.Glean.SetHealthAsync(connector!.Connector.DatasourceName, healthy: false);
        try
        {
            var first = await SweepAsync(app);
            Assert.Contains(dataset.Id, first.DatasetIds);
            var during = (await app.Registry.GetAsync(dataset.Id, Ct))!.Dataset;
            Assert.Equal(DatasetStatus.Validating, during.Status);
            Assert.Contains("could not run", during.RevalidationReason, StringComparison.Ordinal);

            // Still down at the next sweep: picked up again (its checks ran into the outage once more), still no
            // verdict, so not counted as repaired, and still not FAILED.
            var (second, secondId) = await SweepWithIdAsync(app);
            var revalidation = await app.Durable.GetInstanceAsync(LifecycleWorkflows.SweepValidation(secondId, dataset.Id), getInputsAndOutputs: true, Ct);
            Assert.NotNull(revalidation);
            Assert.Contains("\"unchecked\"", revalidation.SerializedOutput, StringComparison.Ordinal);
            Assert.DoesNotContain(second.Repaired!, r => r.DatasetId == dataset.Id);
            Assert.Equal(DatasetStatus.Validating, (await app.Registry.GetAsync(dataset.Id, Ct))!.Dataset.Status);
        }
        finally
        {
            await app.Glean.ClearFaultsAsync();
            await app.Glean.SetHealthAsync(connector.Connector.DatasourceName, healthy: true);
        }

        var after = await SweepAsync(app);
        Assert.Contains(after.Repaired!, r => r.DatasetId == dataset.Id);
        Assert.Equal(DatasetStatus.Ready, (await app.Registry.GetAsync(dataset.Id, Ct))!.Dataset.Status);

        // The quality history keeps every run: provisioning's, the sweep's that could not run its checks, and the last.
        var runs = (await app.GetJsonAsync($"api/datasets/{dataset.Id.Value}/quality")).GetProperty("runs").EnumerateArray().ToList();
        Assert.Equal(("provisioning", "ready"), (runs[0].GetProperty("trigger").GetString(), runs[0].GetProperty("outcome").GetString()));
        Assert.Contains(runs, r => r.GetProperty("trigger").GetString() == "sweep" && r.GetProperty("outcome").GetString() == "unchecked" && r.GetProperty("score").ValueKind == System.Text.Json.JsonValueKind.Null);
        Assert.Equal(("sweep", "ready"), (runs[^1].GetProperty("trigger").GetString(), runs[^1].GetProperty("outcome").GetString()));
    }

    [Fact]
    public async Task Teardown_ExtendedThenCancelledInTheGracePeriod_DatasetReadyAndVisibleAgain()
    {
        await using var app = await DataOpsApp.StartAsync(azurite, new Dictionary<string, string?> { ["DataOps:Teardown:GracePeriod"] = "00:10:00" });
        using (var _ = await app.PostJsonAsync("api/datasets/provision", DataOpsApp.ProvisionBody("cancel-1", "acme", "ACME", "jira_issues")))
        {
            await app.WaitForCompletionAsync("provision:cancel-1:sandbox", TimeSpan.FromSeconds(120));
        }

        var dataset = (await app.Registry.ListAsync(new DatasetQuery { JourneyId = JourneyId.Create("cancel-1") }, Ct)).Items.Single();
        var connector = await app.Service<ConnectorStore>().GetOwnedAsync(dataset.Id, dataset.ConnectorName, Ct);
        var before = (await app.Glean.GetDatasourceAsync(connector!.Connector.DatasourceName))!;
        var instanceId = LifecycleWorkflows.Teardown(dataset.Id);
        using (var teardown = await app.PostJsonAsync($"api/datasets/{dataset.Id.Value}/teardown", new { reason = "manual", force = true }))
        {
            Assert.Equal(HttpStatusCode.Accepted, teardown.StatusCode);
        }

        await WaitForPhaseAsync(app, instanceId, "grace_period");
        var firstEnd = (await app.Registry.GetAsync(dataset.Id, Ct))!.Dataset.DeleteAfter;
        Assert.NotNull(firstEnd);

        using (var extend = await app.PostJsonAsync($"api/teardowns/{dataset.Id.Value}/extend", new { hours = 48, reason = "the client reviews the archive" }))
        {
            Assert.Equal(HttpStatusCode.Accepted, extend.StatusCode);
        }

        await Eventually.HoldsAsync(
            async () => (await app.Registry.GetAsync(dataset.Id, Ct))!.Dataset.DeleteAfter == firstEnd.Value.AddHours(48),
            "the grace period ends 48 hours later",
            TimeSpan.FromSeconds(30));

        using (var cancel = await app.PostJsonAsync($"api/teardowns/{dataset.Id.Value}/cancel", new { reason = "torn down by mistake" }))
        {
            Assert.Equal(HttpStatusCode.Accepted, cancel.StatusCode);
        }

        var done = await app.WaitForCompletionAsync(instanceId, TimeSpan.FromSeconds(120));
        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.Contains("\"cancelled\"", done.SerializedOutput, StringComparison.Ordinal);
        var restored = (await app.Registry.GetAsync(dataset.Id, Ct))!.Dataset;
        Assert.Equal(DatasetStatus.Ready, restored.Status);
        Assert.Null(restored.DeleteAfter);
        var after = (await app.Glean.GetDatasourceAsync(connector.Connector.DatasourceName))!;
        Assert.Equal(before.DocumentCount, after.DocumentCount);
        Assert.Equal(before.Visibility, after.Visibility);
        Assert.Equal(before.BetaUsers, after.BetaUsers);
        Assert.Equal(ConnectorStatuses.Healthy, (await app.Service<ConnectorStore>().GetOwnedAsync(dataset.Id, dataset.ConnectorName, Ct))!.Status);
        var audit = await app.Service<AuditLog>().ReadAsync(dataset.Id.Value, Ct);
        Assert.Contains(audit, a => a.EventType == "DatasetTeardownExtended");
        Assert.Contains(audit, a => a.EventType == "DatasetTeardownCancelled" && a.Payload.Contains("torn down by mistake", StringComparison.Ordinal));

        // Nothing left to cancel.
        using var again = await app.PostJsonAsync($"api/teardowns/{dataset.Id.Value}/cancel", new { reason = "twice" });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }

    [Fact]
    public async Task Teardown_TerminatedInTheGracePeriod_DatasetIsRestoredNotLeftHalfTornDown()
    {
        await using var app = await DataOpsApp.StartAsync(azurite, new Dictionary<string, string?> { ["DataOps:Teardown:GracePeriod"] = "00:10:00" });
        using (var _ = await app.PostJsonAsync("api/datasets/provision", DataOpsApp.ProvisionBody("term-1", "acme", "ACME", "github_repos")))
        {
            await app.WaitForCompletionAsync("provision:term-1:sandbox", TimeSpan.FromSeconds(120));
        }

        var dataset = (await app.Registry.ListAsync(new DatasetQuery { JourneyId = JourneyId.Create("term-1") }, Ct)).Items.Single();
        using (var teardown = await app.PostJsonAsync($"api/datasets/{dataset.Id.Value}/teardown", new { reason = "manual", force = true }))
        {
            Assert.Equal(HttpStatusCode.Accepted, teardown.StatusCode);
        }

        await WaitForPhaseAsync(app, LifecycleWorkflows.Teardown(dataset.Id), "grace_period");
        using (var terminate = await app.PostJsonAsync($"api/teardowns/{dataset.Id.Value}/terminate", new { reason = "wrong dataset" }))
        {
            Assert.Equal(HttpStatusCode.Accepted, terminate.StatusCode);
        }

        await Eventually.HoldsAsync(
            async () => (await app.Registry.GetAsync(dataset.Id, Ct))!.Dataset.Status == DatasetStatus.Ready,
            "the terminated teardown's dataset is restored to READY",
            TimeSpan.FromSeconds(90));
        var connector = await app.Service<ConnectorStore>().GetOwnedAsync(dataset.Id, dataset.ConnectorName, Ct);
        Assert.Equal(ConnectorStatuses.Healthy, connector!.Status);
    }

    [Fact]
    public async Task InstanceRowWithoutAName_HidesOnlyItsOwnDataset_TheSweepStillRepairsTheOthers()
    {
        // A host stopped between writing an orchestration's first history and its instance row leaves that row without a
        // name, and the Durable Functions API then fails every read or listing that meets it. Here the github_repos
        // dataset's validation row loses its name; its jira_issues sibling, provisioned by the same request, stalls.
        await using var app = await DataOpsApp.StartAsync(azurite, new Dictionary<string, string?>(FastSweep) { ["DataOps:HealthSweep:Schedule"] = "0 0 0 1 1 *" });
        using (var _ = await app.PostJsonAsync("api/datasets/provision", DataOpsApp.ProvisionBody("nameless-1", "initech", "Initech", "github_repos", "jira_issues")))
        {
            await app.WaitForCompletionAsync("provision:nameless-1:sandbox", TimeSpan.FromSeconds(120));
        }

        var datasets = (await app.Registry.ListAsync(new DatasetQuery { JourneyId = JourneyId.Create("nameless-1") }, Ct)).Items;
        var github = datasets.Single(d => d.Type == DatasetType.GithubRepos);
        var jira = datasets.Single(d => d.Type == DatasetType.JiraIssues);
        var damaged = LifecycleWorkflows.ValidationOf(LifecycleWorkflows.ProvisionDataset(LifecycleWorkflows.Provision(github.JourneyId, github.Stage), github.Type));
        var instances = new Azure.Data.Tables.TableClient(app.StorageConnectionString, app.HubName + "Instances");
        var row = (await instances.GetEntityAsync<Azure.Data.Tables.TableEntity>(damaged, string.Empty, cancellationToken: Ct)).Value;
        Assert.True(row.Remove("Name"));
        await instances.UpdateEntityAsync(row, row.ETag, Azure.Data.Tables.TableUpdateMode.Replace, Ct);

        // The sibling's orchestrations are all there; the damaged dataset's view names what it could not read.
        var siblingView = await app.GetJsonAsync($"api/datasets/{jira.Id.Value}/orchestrations");
        Assert.Equal(2, siblingView.GetProperty("instances").GetArrayLength());
        Assert.Equal(0, siblingView.GetProperty("unreadable").GetArrayLength());
        var damagedView = await app.GetJsonAsync($"api/datasets/{github.Id.Value}/orchestrations");
        Assert.Equal([damaged], damagedView.GetProperty("unreadable").EnumerateArray().Select(e => e.GetString()));
        Assert.Contains(damagedView.GetProperty("instances").EnumerateArray(), i => i.GetProperty("instanceId").GetString() == LifecycleWorkflows.ProvisionDataset(LifecycleWorkflows.Provision(github.JourneyId, github.Stage), github.Type));

        // Both datasets stall in VALIDATING. The sweep repairs the sibling and leaves the one it cannot see whole alone.
        foreach (var dataset in new[] { github, jira })
        {
            var loaded = (await app.Registry.GetAsync(dataset.Id, Ct))!;
            loaded.Dataset.RevertToValidating("a validation lost with its host", app.Service<TimeProvider>().GetUtcNow());
            await app.Registry.SaveAsync(loaded, Ct);
        }

        var sweep = await SweepAsync(app);
        Assert.Contains(sweep.Repaired!, r => r.DatasetId == jira.Id);
        Assert.DoesNotContain(sweep.Repaired!, r => r.DatasetId == github.Id);
        Assert.Equal(DatasetStatus.Ready, (await app.Registry.GetAsync(jira.Id, Ct))!.Dataset.Status);
        Assert.Equal(DatasetStatus.Validating, (await app.Registry.GetAsync(github.Id, Ct))!.Dataset.Status);
    }

    /// <summary>Provisions a sandbox jira_issues dataset while Glean's bulk upload fails, so it ends FAILED (and its cleanup succeeds).</summary>
    private static async Task<DatasetSnapshot> FailFirstProvisionAsync(DataOpsApp app, string journey, string client, string clientName)
    {
        await app.Glean.SetFaultsAsync(new FaultSettings { Share503 = 1.0, PathPrefix = "/api/index/v1/bulkindexdocuments" });
        try
        {
            using var first = await app.PostJsonAsync("api/datasets/provision", DataOpsApp.ProvisionBody(journey, client, clientName, "jira_issues"));
            Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
            await Eventually.HoldsAsync(
                async () => (await app.Registry.ListAsync(new DatasetQuery { JourneyId = JourneyId.Create(journey) }, Ct)).Items.SingleOrDefault()?.Status == DatasetStatus.Failed,
                "the first dataset fails",
                TimeSpan.FromSeconds(120));
        }
        finally
        {
            await app.Glean.ClearFaultsAsync();
        }

        await app.WaitForCompletionAsync($"provision:{journey}:sandbox", TimeSpan.FromSeconds(120));
        var failed = (await app.Registry.ListAsync(new DatasetQuery { JourneyId = JourneyId.Create(journey) }, Ct)).Items.Single();
        Assert.Equal(DatasetStatus.Failed, failed.Status);
        return failed;
    }

    /// <summary>One health sweep, repairing whatever no workflow moves (no stall age: nothing else runs meanwhile).</summary>
    private static async Task<ScanResult> SweepAsync(DataOpsApp app) => (await SweepWithIdAsync(app)).Result;

    private static async Task<(ScanResult Result, string InstanceId)> SweepWithIdAsync(DataOpsApp app)
    {
        var id = await app.Durable.ScheduleNewOrchestrationInstanceAsync(
            nameof(ConnectorHealthSweep), new HealthSweepInput(10, TimeSpan.Zero), cancellation: Ct);
        var sweep = await app.WaitForCompletionAsync(id, TimeSpan.FromSeconds(180));
        Assert.Equal(OrchestrationRuntimeStatus.Completed, sweep.RuntimeStatus);
        return (sweep.ReadOutputAs<ScanResult>()!, id);
    }

    private static Task WaitForPhaseAsync(DataOpsApp app, string instanceId, string phase) =>
        Eventually.HoldsAsync(
            async () => (await app.Durable.GetInstanceAsync(instanceId, true, Ct))?.SerializedCustomStatus?.Contains($"\"{phase}\"", StringComparison.Ordinal) == true,
            $"the teardown reaches its {phase} phase",
            TimeSpan.FromSeconds(60));
}
