using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DataOps.Domain.Datasets;
using DataOps.Functions.Provisioning;
using DataOps.Functions.Teardown;
using DataOps.Functions.Validation;
using DataOps.Functions.Watch;
using DataOps.Functions.Workflows;
using DataOps.Tests.EndToEnd;
using DataOps.Tests.Infrastructure;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;

namespace DataOps.Tests.Functions.Operations;

/// <summary>
/// The operations API behind the dashboard, over HTTP on the running app: a dataset's timeline, archive and
/// orchestrations with history, teardowns in their 24-hour grace period and terminating one, the scans' last runs and
/// the summary the charts draw. Every endpoint needs the key; bad input is a 400 naming the field and changes nothing.
/// </summary>
public sealed class OperationsApiTests(OperationsApiTests.App fixture) : IClassFixture<OperationsApiTests.App>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private DataOpsApp Product => fixture.Product;

    [Fact]
    public async Task Timeline_ListsTheDatasetsLifecycleEvents_OldestFirst()
    {
        var timeline = await Product.GetJsonAsync($"api/datasets/{fixture.ReadyDatasetId}/timeline");

        Assert.Equal(fixture.ReadyDatasetId, timeline.GetProperty("datasetId").GetString());
        var events = timeline.GetProperty("events").EnumerateArray().ToList();
        var types = events.Select(e => e.GetProperty("eventType").GetString()).ToList();
        Assert.Contains("DatasetReady", types);
        Assert.Contains("DatasetProvisioningStarted", types);
        Assert.True(types.IndexOf("DatasetProvisioningStarted") < types.IndexOf("DatasetReady"), string.Join(", ", types));
        var times = events.Select(e => e.GetProperty("occurredAt").GetDateTimeOffset()).ToList();
        Assert.Equal(times.Order(), times);
        Assert.All(events, e => Assert.Equal(JsonValueKind.Object, e.GetProperty("data").ValueKind));
    }

    [Fact]
    public async Task Orchestrations_ListTheProvisioningAndItsValidation_WithTheirHistory()
    {
        var body = await Product.GetJsonAsync($"api/datasets/{fixture.ReadyDatasetId}/orchestrations");

        var instances = body.GetProperty("instances").EnumerateArray().ToDictionary(i => i.GetProperty("instanceId").GetString()!);
        var provisioning = instances["provision:ops-1:sandbox:confluence_pages"];
        Assert.Equal(nameof(ProvisionDataset), provisioning.GetProperty("name").GetString());
        Assert.Equal("Completed", provisioning.GetProperty("runtimeStatus").GetString());
        var history = provisioning.GetProperty("history").EnumerateArray().ToList();
        Assert.Equal("ExecutionStarted", history[0].GetProperty("eventType").GetString());
        Assert.Equal("ExecutionCompleted", history[^1].GetProperty("eventType").GetString());
        Assert.Contains(history, e => e.GetProperty("eventType").GetString() == "TaskCompleted" && e.GetProperty("name").GetString() == "RegisterDataset");
        Assert.Contains(history, e => e.GetProperty("eventType").GetString() == "SubOrchestrationInstanceCreated"
            && e.GetProperty("detail").GetString() == "provision:ops-1:sandbox:confluence_pages:validate");
        Assert.DoesNotContain(history, e => e.GetProperty("eventType").GetString() is "OrchestratorStarted" or "OrchestratorCompleted");
        Assert.Equal(nameof(ValidateDataset), instances["provision:ops-1:sandbox:confluence_pages:validate"].GetProperty("name").GetString());

        // The other dataset of the journey shares the prefix but not the dataset.
        Assert.DoesNotContain(instances.Keys, id => id.Contains("github_repos", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Archive_BeforeAnyTeardown_HasNoBlobs()
    {
        var archive = await Product.GetJsonAsync($"api/datasets/{fixture.ReadyDatasetId}/archive");

        Assert.Equal(JsonValueKind.Null, archive.GetProperty("location").ValueKind);
        Assert.Empty(archive.GetProperty("blobs").EnumerateArray());
    }

    [Fact]
    public async Task ATeardownInItsGracePeriod_IsListedWithItsDeleteTime_AndAnOperatorCanTerminateIt()
    {
        var id = fixture.TeardownDatasetId;
        var instanceId = LifecycleWorkflows.Teardown(DatasetId.Create(id));
        using (var started = await Product.PostJsonAsync($"api/datasets/{id}/teardown", new { reason = "manual", force = true }))
        {
            Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        }

        JsonElement item = default;
        await Eventually.HoldsAsync(
            async () =>
            {
                var list = await Product.GetJsonAsync("api/teardowns");
                item = list.GetProperty("items").EnumerateArray().FirstOrDefault(i => i.GetProperty("datasetId").GetString() == id);
                return item.ValueKind == JsonValueKind.Object && item.GetProperty("phase").GetString() == "grace_period";
            },
            "the teardown reaches its grace period",
            TimeSpan.FromSeconds(60));
        Assert.Equal(instanceId, item.GetProperty("instanceId").GetString());
        Assert.Equal("Running", item.GetProperty("runtimeStatus").GetString());
        Assert.True(item.GetProperty("canTerminate").GetBoolean());
        var deleteAt = item.GetProperty("deleteAt").GetDateTimeOffset();
        var createdAt = item.GetProperty("createdAt").GetDateTimeOffset();
        Assert.InRange(deleteAt - createdAt, TimeSpan.FromHours(23.9), TimeSpan.FromHours(24.1));
        Assert.Equal("teardown", item.GetProperty("dataset").GetProperty("status").GetString());
        Assert.Equal("ops-1", item.GetProperty("dataset").GetProperty("journeyId").GetString());

        var archive = await Product.GetJsonAsync($"api/datasets/{id}/archive");
        Assert.Equal(
            ["metadata.json.gz", "quality_reports.json.gz", "sample_data.json.gz"],
            archive.GetProperty("blobs").EnumerateArray().Select(b => b.GetProperty("name").GetString()!).ToArray());
        Assert.All(archive.GetProperty("blobs").EnumerateArray(), b => Assert.True(b.GetProperty("sizeBytes").GetInt64() > 0));
        Assert.EndsWith($"/{id}/", archive.GetProperty("location").GetString(), StringComparison.Ordinal);

        // Bad requests name the field and leave the teardown running.
        await AssertBadRequestAsync(id, new { }, "reason");
        await AssertBadRequestAsync(id, new { reason = "   " }, "reason");
        await AssertBadRequestAsync(id, new { reason = new string('x', TerminateTeardownCommand.MaxReasonLength + 1) }, "reason");
        await AssertBadRequestAsync(id, new { reason = 42 }, "reason");
        await AssertBadRequestAsync(id, new[] { "not", "an", "object" }, "body");
        await AssertBadRequestAsync("bad id!", new { reason = "x" }, "id");
        using (var anonymous = await fixture.Anonymous.PostAsJsonAsync(new Uri($"api/teardowns/{id}/terminate", UriKind.Relative), new { reason = "no key" }, Token))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        }

        var stillRunning = await Product.Durable.GetInstanceAsync(instanceId, false, Token);
        Assert.Equal(OrchestrationRuntimeStatus.Running, stillRunning!.RuntimeStatus);

        using (var terminate = await Product.PostJsonAsync($"api/teardowns/{id}/terminate", new { reason = "client asked to keep it" }))
        {
            Assert.Equal(HttpStatusCode.Accepted, terminate.StatusCode);
            var accepted = await terminate.Content.ReadFromJsonAsync<JsonElement>(Token);
            Assert.Equal(instanceId, accepted.GetProperty("instanceId").GetString());
        }

        var done = await Product.WaitForCompletionAsync(instanceId);
        Assert.Equal(OrchestrationRuntimeStatus.Terminated, done.RuntimeStatus);
        Assert.Contains("client asked to keep it", done.SerializedOutput, StringComparison.Ordinal);
        var list = await Product.GetJsonAsync("api/teardowns");
        Assert.DoesNotContain(list.GetProperty("items").EnumerateArray(), i => i.GetProperty("datasetId").GetString() == id);
        // The terminate also starts the dataset's restore: it is validated again and ends READY, never archived.
        await Eventually.HoldsAsync(
            async () => (await Product.GetJsonAsync($"api/datasets/{id}")).GetProperty("dataset").GetProperty("status").GetString() == "ready",
            "the dataset whose teardown was terminated is restored to READY",
            TimeSpan.FromSeconds(90));

        using var again = await Product.PostJsonAsync($"api/teardowns/{id}/terminate", new { reason = "twice" });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        var orchestrations = await Product.GetJsonAsync($"api/datasets/{id}/orchestrations");
        var teardown = orchestrations.GetProperty("instances").EnumerateArray().Single(i => i.GetProperty("instanceId").GetString() == instanceId);
        Assert.Equal("Terminated", teardown.GetProperty("runtimeStatus").GetString());
        Assert.Contains(teardown.GetProperty("history").EnumerateArray(), e => e.GetProperty("eventType").GetString() == "TimerCreated");
    }

    [Fact]
    public async Task TerminatingATeardownAWorkflowWaitsFor_TellsThatWorkflowAtOnce()
    {
        var id = fixture.CompletedJourneyDatasetId;
        await Product.SendJourneyEventAsync(new { type = "JourneyCompleted", journeyId = "ops-2", clientId = "acme", occurredAt = DateTimeOffset.UtcNow });
        await Eventually.HoldsAsync(
            async () =>
            {
                var list = await Product.GetJsonAsync("api/teardowns");
                return list.GetProperty("items").EnumerateArray().Any(i => i.GetProperty("datasetId").GetString() == id && i.GetProperty("phase").GetString() == "grace_period");
            },
            "the journey's teardown reaches its grace period",
            TimeSpan.FromSeconds(60));
        var waiting = await Product.Durable.GetInstanceAsync("completed:ops-2", false, Token);
        Assert.Equal(OrchestrationRuntimeStatus.Running, waiting!.RuntimeStatus);

        using (var terminate = await Product.PostJsonAsync($"api/teardowns/{id}/terminate", new { reason = "keep the data for an audit" }))
        {
            Assert.Equal(HttpStatusCode.Accepted, terminate.StatusCode);
        }

        // Without the event the workflow would look at the teardown only after an hour.
        var transition = await Product.WaitForCompletionAsync("completed:ops-2", TimeSpan.FromSeconds(60));
        Assert.Equal(OrchestrationRuntimeStatus.Failed, transition.RuntimeStatus);
        // The Durable extension on Azure Storage keeps an isolated orchestration's failure as its output, not as failure details.
        Assert.Contains("keep the data for an audit", transition.FailureDetails?.ErrorMessage ?? transition.SerializedOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TerminatingTheTeardownOfADatasetThatNeverHadOne_IsNotFound()
    {
        using var response = await Product.PostJsonAsync("api/teardowns/no-such-dataset/terminate", new { reason = "x" });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Null(await Product.Durable.GetInstanceAsync(LifecycleWorkflows.Teardown(DatasetId.Create("no-such-dataset")), false, Token));
    }

    [Fact]
    public async Task Scans_ShowTheLastOrphanScanRun_AndTheSchedules()
    {
        var functions = ActivatorUtilities.CreateInstance<ScheduledFunctions>(Product.Host.Services);
        await functions.OrphanScanTimer(new TimerInfo(), Product.Durable, Token);

        JsonElement orphanScan = default;
        await Eventually.HoldsAsync(
            async () =>
            {
                var scans = await Product.GetJsonAsync("api/operations/scans");
                orphanScan = scans.GetProperty("orphanScan");
                return orphanScan.GetProperty("lastRun") is { ValueKind: JsonValueKind.Object } run && run.GetProperty("runtimeStatus").GetString() == "Completed";
            },
            "the orphan scan completes",
            TimeSpan.FromSeconds(60));
        var lastRun = orphanScan.GetProperty("lastRun");
        Assert.StartsWith(LifecycleWorkflows.OrphanScanPrefix, lastRun.GetProperty("instanceId").GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Number, lastRun.GetProperty("output").GetProperty("examined").ValueKind);
        Assert.Empty(lastRun.GetProperty("output").GetProperty("datasetIds").EnumerateArray());
        Assert.Equal("0 0 2 * * *", orphanScan.GetProperty("schedule").GetString());
        var scansAgain = await Product.GetJsonAsync("api/operations/scans");
        Assert.False(string.IsNullOrEmpty(scansAgain.GetProperty("healthSweep").GetProperty("schedule").GetString()));
        Assert.Equal("0 */5 * * * *", scansAgain.GetProperty("connectorSync").GetProperty("schedule").GetString());
    }

    [Fact]
    public async Task Summary_CountsDatasetsByStatus_AndReportsProvisioningTimes()
    {
        var summary = await Product.GetJsonAsync("api/operations/summary");

        var total = summary.GetProperty("total").GetInt32();
        Assert.Equal(3, total);
        var byStatus = summary.GetProperty("datasetsByStatus").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt32());
        Assert.Equal(["archived", "failed", "provisioning", "ready", "teardown", "validating"], byStatus.Keys.Order(StringComparer.Ordinal).ToArray());
        Assert.Equal(total, byStatus.Values.Sum());
        var provisioning = summary.GetProperty("provisioning").EnumerateArray().ToList();
        var ready = Assert.Single(provisioning, p => p.GetProperty("datasetId").GetString() == fixture.ReadyDatasetId);
        Assert.InRange(ready.GetProperty("seconds").GetDouble(), 0.0, 120.0);
        Assert.Equal("confluence_pages", ready.GetProperty("datasetType").GetString());
        var stats = summary.GetProperty("provisioningSeconds");
        Assert.Equal(3, stats.GetProperty("count").GetInt32());
        Assert.True(stats.GetProperty("p95").GetDouble() >= stats.GetProperty("median").GetDouble());
    }

    [Theory]
    [InlineData("api/datasets/any/timeline")]
    [InlineData("api/datasets/any/archive")]
    [InlineData("api/datasets/any/orchestrations")]
    [InlineData("api/teardowns")]
    [InlineData("api/operations/scans")]
    [InlineData("api/operations/summary")]
    public async Task EveryOperationsEndpoint_WithoutAKey_Is401(string path)
    {
        using var response = await fixture.Anonymous.GetAsync(new Uri(path, UriKind.Relative), Token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("timeline")]
    [InlineData("archive")]
    [InlineData("orchestrations")]
    public async Task ADatasetEndpoint_ForAnUnknownOrInvalidId_Is404Or400(string part)
    {
        using var unknown = await Product.Http.GetAsync(new Uri($"api/datasets/no-such-dataset/{part}", UriKind.Relative), Token);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);

        using var invalid = await Product.Http.GetAsync(new Uri($"api/datasets/bad%20id%21/{part}", UriKind.Relative), Token);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var problem = await invalid.Content.ReadFromJsonAsync<JsonElement>(Token);
        Assert.True(problem.GetProperty("errors").TryGetProperty("id", out _));
    }

    private async Task AssertBadRequestAsync(string id, object body, string field)
    {
        using var response = await Product.PostJsonAsync($"api/teardowns/{Uri.EscapeDataString(id)}/terminate", body);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Token);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"{field} not named in {problem}");
    }

    /// <summary>The app with the product's 24-hour grace period, one journey with two READY datasets and another with one.</summary>
    public sealed class App(AzuriteFixture azurite) : IAsyncLifetime
    {
        private DataOpsApp? product;

        internal DataOpsApp Product => product ?? throw new InvalidOperationException("The app has not started.");

        public HttpClient Anonymous { get; private set; } = null!;

        /// <summary>The dataset the read-only tests look at.</summary>
        public string ReadyDatasetId { get; private set; } = string.Empty;

        /// <summary>The dataset of a second journey, which the caller-notification test completes.</summary>
        public string CompletedJourneyDatasetId { get; private set; } = string.Empty;

        /// <summary>The dataset the teardown test tears down.</summary>
        public string TeardownDatasetId { get; private set; } = string.Empty;

        public async ValueTask InitializeAsync()
        {
            product = await DataOpsApp.StartAsync(azurite, new Dictionary<string, string?> { ["DataOps:Teardown:GracePeriod"] = "1.00:00:00" });
            Anonymous = new HttpClient { BaseAddress = product.Host.BaseAddress };
            using var _ = await product.PostJsonAsync("api/datasets/provision", DataOpsApp.ProvisionBody("ops-1", "acme", "ACME", "confluence_pages", "github_repos"));
            await product.WaitForCompletionAsync("provision:ops-1:sandbox");
            var list = await product.GetJsonAsync("api/datasets?journeyId=ops-1");
            var ids = list.GetProperty("items").EnumerateArray().ToDictionary(i => i.GetProperty("datasetType").GetString()!, i => i.GetProperty("datasetId").GetString()!);
            ReadyDatasetId = ids["confluence_pages"];
            TeardownDatasetId = ids["github_repos"];
            using var second = await product.PostJsonAsync("api/datasets/provision", DataOpsApp.ProvisionBody("ops-2", "acme", "ACME", "slack_messages"));
            await product.WaitForCompletionAsync("provision:ops-2:sandbox");
            var other = await product.GetJsonAsync("api/datasets?journeyId=ops-2");
            CompletedJourneyDatasetId = other.GetProperty("items")[0].GetProperty("datasetId").GetString()!;
        }

        public async ValueTask DisposeAsync()
        {
            Anonymous?.Dispose();
            if (product is not null)
            {
                await product.DisposeAsync();
            }
        }
    }
}
