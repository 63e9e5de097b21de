using DataOps.Domain.Datasets;
using DataOps.Functions.Access;
using DataOps.Functions.Validation;
using DataOps.Functions.Workflows;
using DataOps.Testing;
using DataOps.Tests.Domain;
using DataOps.Tests.EndToEnd;
using DataOps.Tests.Functions.Operations.Quality;
using DataOps.Tests.Infrastructure;
using Microsoft.DurableTask.Client;
using Microsoft.Playwright;

namespace DataOps.Tests.Functions.Operations.Dashboard;

/// <summary>
/// The dashboard in a real headless Chromium: the page asks for the key, then lists a provisioned dataset and shows
/// its quality checks, timeline, archive and orchestrations, the charts and the scans; a teardown in its grace period
/// is terminated from the page after a confirmation; a refused key brings back the key form and nothing else. A failing test leaves a screenshot in
/// <c>TestResults/</c>.
/// </summary>
[Trait("Category", "Browser")]
public sealed class DashboardBrowserTests(AzuriteFixture azurite)
{
    /// <summary>The browser the tests drive: <c>DATAOPS_CHROMIUM</c>, else Debian's chromium package.</summary>
    private static string ChromiumPath => Environment.GetEnvironmentVariable("DATAOPS_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    [Fact]
    public async Task AnEngineerSignedInWithAToken_SeesOnlyTheirClient_AndNoOperatorButtons()
    {
        var signingKey = DevTokens.NewSigningKey();
        await using var app = await DataOpsApp.StartAsync(azurite, new Dictionary<string, string?> { ["DataOps:Auth:DevSigningKey"] = signingKey });
        await app.Registry.RegisterAsync(new DatasetBuilder().WithId("ds-dash-acme").ForClient("acme", "ACME").ForJourney("j-dash-acme").BuildIn(DatasetStatus.Failed), TestContext.Current.CancellationToken);
        await app.Registry.RegisterAsync(new DatasetBuilder().WithId("ds-dash-globex").ForClient("globex", "Globex").ForJourney("j-dash-globex").BuildIn(DatasetStatus.Failed), TestContext.Current.CancellationToken);
        var token = DevTokens.Mint(signingKey, AccessOptions.DefaultAudience, "se-a@example.com", [AccessRoleNames.Engineer], ["acme"], TimeSpan.FromHours(1), DateTimeOffset.UtcNow);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var history = app.Service<QualityHistoryStore>();
        await history.SaveRunAsync(QualityTrendsTests.Run("ds-dash-acme", today, 0, 80, WorkflowOutcome.Failed, client: "acme"), TestContext.Current.CancellationToken);
        await history.SaveRunAsync(QualityTrendsTests.Run("ds-dash-globex", today, 0, 99, WorkflowOutcome.Ready, client: "globex"), TestContext.Current.CancellationToken);
        await history.SaveRunAsync(QualityTrendsTests.Run("ds-dash-globex", today, 0, 98, WorkflowOutcome.Ready, client: "globex") with { ValidatedAt = DateTimeOffset.UtcNow.Date }, TestContext.Current.CancellationToken);

        await WithPageAsync(nameof(AnEngineerSignedInWithAToken_SeesOnlyTheirClient_AndNoOperatorButtons), async page =>
        {
            await page.GotoAsync(new Uri(app.Host.BaseAddress, "api/dashboard/").ToString());
            await page.SelectOptionAsync("#key-kind", "token");
            await page.FillAsync("#key-input", token);
            await page.ClickAsync("#key-form button[type=submit]");

            await Assertions.Expect(page.Locator("#datasets tr[data-dataset-id='ds-dash-acme']")).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator("#datasets tbody tr")).ToHaveCountAsync(1);
            await Assertions.Expect(page.Locator("#datasets tr[data-dataset-id='ds-dash-globex']")).ToHaveCountAsync(0);
            await Assertions.Expect(page.Locator("#signed-in")).ToContainTextAsync("se-a@example.com (Engineer; acme)");
            await Assertions.Expect(page.Locator("#charts-panel")).ToBeHiddenAsync();
            await Assertions.Expect(page.Locator("#scans-panel")).ToBeHiddenAsync();
            await Assertions.Expect(page.Locator("#bulk-retry")).ToBeHiddenAsync();
            // The quality trend covers their client's one run, not the other client's two.
            await Assertions.Expect(page.Locator("#quality-total")).ToContainTextAsync("1 validation runs of 1 datasets");
            await Assertions.Expect(page.Locator("#quality-total")).ToContainTextAsync("mean score 80");

            // Their own failed dataset offers a retry; another client's dataset is not found.
            await page.Locator("#datasets tr[data-dataset-id='ds-dash-acme'] a").ClickAsync();
            await Assertions.Expect(page.Locator("#retry-dataset")).ToBeVisibleAsync();
            await page.EvaluateAsync("() => { location.hash = '#dataset=ds-dash-globex'; }");
            await Assertions.Expect(page.Locator("#datasets-error")).ToContainTextAsync("404");
        });
    }

    [Fact]
    public async Task ThePage_WithTheKey_ListsAProvisionedDataset_AndShowsItsChecks()
    {
        await using var app = await DataOpsApp.StartAsync(azurite);
        using var _ = await app.PostJsonAsync("api/datasets/provision", DataOpsApp.ProvisionBody("dash-1", "acme", "ACME", "confluence_pages"));
        await app.WaitForCompletionAsync("provision:dash-1:sandbox");
        var list = await app.GetJsonAsync("api/datasets?journeyId=dash-1");
        var datasetId = list.GetProperty("items")[0].GetProperty("datasetId").GetString()!;

        await WithPageAsync(nameof(ThePage_WithTheKey_ListsAProvisionedDataset_AndShowsItsChecks), async page =>
        {
            await page.GotoAsync(new Uri(app.Host.BaseAddress, "api/dashboard/").ToString());
            await Assertions.Expect(page.Locator("#key-form")).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator("#datasets-panel")).ToBeHiddenAsync();

            await page.FillAsync("#key-input", DataOpsApp.Key);
            await page.ClickAsync("#key-form button[type=submit]");

            var row = page.Locator($"#datasets tr[data-dataset-id='{datasetId}']");
            await Assertions.Expect(row).ToBeVisibleAsync();
            await Assertions.Expect(row.Locator(".status")).ToHaveTextAsync("ready");
            await Assertions.Expect(page.Locator("#key-panel")).ToBeHiddenAsync();

            await page.SelectOptionAsync("#filters select[name=status]", "archived");
            await page.ClickAsync("#filters button[type=submit]");
            await Assertions.Expect(row).ToHaveCountAsync(0);
            await page.SelectOptionAsync("#filters select[name=status]", "ready");
            await page.FillAsync("#filters input[name=clientId]", "acme");
            await page.ClickAsync("#filters button[type=submit]");
            await Assertions.Expect(row).ToBeVisibleAsync();

            await row.Locator("a").ClickAsync();
            await Assertions.Expect(page.Locator("#detail-panel")).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator("#checks tbody tr")).ToHaveCountAsync(4);
            await Assertions.Expect(page.Locator("#timeline li[data-event-type=DatasetReady]")).ToHaveCountAsync(1);
            await Assertions.Expect(page.Locator("#archive-empty")).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator("#quality-runs tbody tr[data-outcome=ready]")).ToHaveCountAsync(1);
            await Assertions.Expect(page.Locator("#quality-runs tbody tr td").Nth(1)).ToHaveTextAsync("provisioning");
            await Assertions.Expect(page.Locator("#chart-quality-runs")).ToBeVisibleAsync();
            var measured = page.Locator("#detail-connector-metrics");
            await Assertions.Expect(measured).ToContainTextAsync("Sync success (7 d)100 % of 1");
            await Assertions.Expect(measured).ToContainTextAsync("Errors (24 h)0");
            await Assertions.Expect(measured).ToContainTextAsync("Error rate (24 h)0.00 %");
            await Assertions.Expect(measured).ToContainTextAsync(new System.Text.RegularExpressions.Regex(@"Uptime \(7 d\)100 % of \d+ probes"));
            // A sandbox connector's sync is by hand only: the line says so, with no next sync due.
            await Assertions.Expect(page.Locator("#detail-connector")).ToContainTextAsync("Syncmanual: nothing syncs it automatically");
            await Assertions.Expect(page.Locator("#detail-connector")).Not.ToContainTextAsync("next due");
            var provisioning = page.Locator("#orchestrations details[data-instance-id='provision:dash-1:sandbox:confluence_pages']");
            await Assertions.Expect(provisioning).ToHaveCountAsync(1);
            await provisioning.Locator("summary").ClickAsync();
            await Assertions.Expect(provisioning.Locator("table.history tbody tr[data-event-type=TaskCompleted]").First).ToBeVisibleAsync();

            await Assertions.Expect(page.Locator("#chart-status")).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator("#chart-provisioning")).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator("#summary-total")).ToContainTextAsync("1");
            await Assertions.Expect(page.Locator("#chart-quality-trend")).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator("#quality-total")).ToContainTextAsync("1 validation runs of 1 datasets");
            await Assertions.Expect(page.Locator("#scan-orphan")).ToHaveAttributeAsync("data-last-status", "never");
            Assert.DoesNotContain(DataOpsApp.Key, page.Url, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task TerminatingATeardownFromThePage_AfterConfirmation_ReachesTheOrchestration()
    {
        await using var app = await DataOpsApp.StartAsync(azurite, new Dictionary<string, string?> { ["DataOps:Teardown:GracePeriod"] = "1.00:00:00" });
        using (var _ = await app.PostJsonAsync("api/datasets/provision", DataOpsApp.ProvisionBody("dash-2", "acme", "ACME", "jira_issues")))
        {
            await app.WaitForCompletionAsync("provision:dash-2:sandbox");
        }

        var list = await app.GetJsonAsync("api/datasets?journeyId=dash-2");
        var datasetId = list.GetProperty("items")[0].GetProperty("datasetId").GetString()!;
        var instanceId = LifecycleWorkflows.Teardown(DatasetId.Create(datasetId));
        using (var _ = await app.PostJsonAsync($"api/datasets/{datasetId}/teardown", new { reason = "manual", force = true }))
        {
            await Eventually.HoldsAsync(
                async () => (await app.Durable.GetInstanceAsync(instanceId, true, TestContext.Current.CancellationToken))?.SerializedCustomStatus?.Contains("grace_period", StringComparison.Ordinal) == true,
                "the teardown reaches its grace period",
                TimeSpan.FromSeconds(60));
        }

        await WithPageAsync(nameof(TerminatingATeardownFromThePage_AfterConfirmation_ReachesTheOrchestration), async page =>
        {
            await page.GotoAsync(new Uri(app.Host.BaseAddress, "api/dashboard/").ToString());
            await page.FillAsync("#key-input", DataOpsApp.Key);
            await page.ClickAsync("#key-form button[type=submit]");

            var row = page.Locator($"#teardowns tr[data-dataset-id='{datasetId}']");
            await Assertions.Expect(row).ToBeVisibleAsync();
            await Assertions.Expect(row.Locator("td.phase")).ToHaveAttributeAsync("data-phase", "grace_period");
            await Assertions.Expect(row.Locator("td.time-left")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^2[34]h"));

            // Backing out of the confirmation changes nothing.
            await row.Locator("button.terminate").ClickAsync();
            await Assertions.Expect(page.Locator("#terminate-dialog")).ToBeVisibleAsync();
            await page.ClickAsync("#terminate-cancel");
            await Assertions.Expect(page.Locator("#terminate-dialog")).ToBeHiddenAsync();
            Assert.Equal(OrchestrationRuntimeStatus.Running, (await app.Durable.GetInstanceAsync(instanceId, false, TestContext.Current.CancellationToken))!.RuntimeStatus);

            await row.Locator("button.terminate").ClickAsync();
            await page.FillAsync("#terminate-dialog textarea[name=reason]", "the client keeps this sandbox");
            await page.ClickAsync("#terminate-confirm");

            await Assertions.Expect(page.Locator("#teardowns-message")).ToContainTextAsync(datasetId);
            await Assertions.Expect(row).ToHaveCountAsync(0, new LocatorAssertionsToHaveCountOptions { Timeout = 20_000 });
        });

        var done = await app.WaitForCompletionAsync(instanceId);
        Assert.Equal(OrchestrationRuntimeStatus.Terminated, done.RuntimeStatus);
        Assert.Contains("the client keeps this sandbox", done.SerializedOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExtendingThenCancellingATeardownFromThePage_RestoresTheDataset()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var app = await DataOpsApp.StartAsync(azurite, new Dictionary<string, string?> { ["DataOps:Teardown:GracePeriod"] = "1.00:00:00" });
        using (var _ = await app.PostJsonAsync("api/datasets/provision", DataOpsApp.ProvisionBody("dash-4", "acme", "ACME", "jira_issues")))
        {
            await app.WaitForCompletionAsync("provision:dash-4:sandbox");
        }

        var list = await app.GetJsonAsync("api/datasets?journeyId=dash-4");
        var datasetId = list.GetProperty("items")[0].GetProperty("datasetId").GetString()!;
        var instanceId = LifecycleWorkflows.Teardown(DatasetId.Create(datasetId));
        using (var _ = await app.PostJsonAsync($"api/datasets/{datasetId}/teardown", new { reason = "manual", force = true }))
        {
            await Eventually.HoldsAsync(
                async () => (await app.Durable.GetInstanceAsync(instanceId, true, ct))?.SerializedCustomStatus?.Contains("grace_period", StringComparison.Ordinal) == true,
                "the teardown reaches its grace period",
                TimeSpan.FromSeconds(60));
        }

        await WithPageAsync(nameof(ExtendingThenCancellingATeardownFromThePage_RestoresTheDataset), async page =>
        {
            await page.GotoAsync(new Uri(app.Host.BaseAddress, "api/dashboard/").ToString());
            await page.FillAsync("#key-input", DataOpsApp.Key);
            await page.ClickAsync("#key-form button[type=submit]");
            var row = page.Locator($"#teardowns tr[data-dataset-id='{datasetId}']");
            await Assertions.Expect(row.Locator("td.phase")).ToHaveAttributeAsync("data-phase", "grace_period");

            // A bad number is caught on the page; the API is not asked.
            await row.Locator("button.extend-teardown").ClickAsync();
            await page.FillAsync("#command-dialog input[name=hours]", "0");
            await page.FillAsync("#command-dialog textarea[name=reason]", "client review");
            await page.ClickAsync("#command-confirm");
            await Assertions.Expect(page.Locator("#command-error")).ToContainTextAsync("1 to 720");

            await page.FillAsync("#command-dialog input[name=hours]", "48");
            await page.ClickAsync("#command-confirm");
            await Assertions.Expect(page.Locator("#teardowns-message")).ToContainTextAsync("extended by 48 hours");
            await Assertions.Expect(row.Locator("td.time-left")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^(7[12]h|[23]d)"), new LocatorAssertionsToHaveTextOptions { Timeout = 20_000 });

            await row.Locator("button.cancel-teardown").ClickAsync();
            await page.FillAsync("#command-dialog textarea[name=reason]", "torn down by mistake");
            await page.ClickAsync("#command-confirm");
            await Assertions.Expect(page.Locator("#teardowns-message")).ToContainTextAsync("Cancel requested");
            await Assertions.Expect(row).ToHaveCountAsync(0, new LocatorAssertionsToHaveCountOptions { Timeout = 30_000 });
        });

        var done = await app.WaitForCompletionAsync(instanceId);
        Assert.Contains("\"cancelled\"", done.SerializedOutput, StringComparison.Ordinal);
        await Eventually.HoldsAsync(
            async () => (await app.Registry.GetAsync(DatasetId.Create(datasetId), ct))?.Dataset.Status == DatasetStatus.Ready,
            "the dataset is ready again",
            TimeSpan.FromSeconds(60));
    }

    [Fact]
    public async Task AFailedDataset_IsRetriedFromItsPage()
    {
        await using var app = await DataOpsApp.StartAsync(azurite, new Dictionary<string, string?> { ["Glean:MaxRetryAttempts"] = "1" });
        await app.Glean.SetFaultsAsync(new DataOps.GleanEmulator.Faults.FaultSettings { Share503 = 1.0, PathPrefix = "/api/index/v1/bulkindexdocuments" });
        try
        {
            using var _ = await app.PostJsonAsync("api/datasets/provision", DataOpsApp.ProvisionBody("dash-5", "acme", "ACME", "jira_issues"));
            await Eventually.HoldsAsync(
                async () => (await app.GetJsonAsync("api/datasets?journeyId=dash-5")).GetProperty("items").EnumerateArray().Any(i => i.GetProperty("status").GetString() == "failed"),
                "the dataset fails",
                TimeSpan.FromSeconds(120));
        }
        finally
        {
            await app.Glean.ClearFaultsAsync();
        }

        await app.WaitForCompletionAsync("provision:dash-5:sandbox");
        var datasetId = (await app.GetJsonAsync("api/datasets?journeyId=dash-5")).GetProperty("items")[0].GetProperty("datasetId").GetString()!;

        await WithPageAsync(nameof(AFailedDataset_IsRetriedFromItsPage), async page =>
        {
            await page.GotoAsync(new Uri(app.Host.BaseAddress, $"api/dashboard/#dataset={datasetId}").ToString());
            await page.FillAsync("#key-input", DataOpsApp.Key);
            await page.ClickAsync("#key-form button[type=submit]");
            await page.GotoAsync(new Uri(app.Host.BaseAddress, $"api/dashboard/#dataset={datasetId}").ToString());
            await Assertions.Expect(page.Locator("#retry-dataset")).ToBeVisibleAsync();
            await page.ClickAsync("#retry-dataset");
            await page.FillAsync("#command-dialog textarea[name=reason]", "Glean is back");
            await page.ClickAsync("#command-confirm");
            await Assertions.Expect(page.Locator("#detail-message")).ToContainTextAsync("Retry started");
        });

        var done = await app.WaitForCompletionAsync(LifecycleWorkflows.Retry(DatasetId.Create(datasetId), 2), TimeSpan.FromSeconds(120));
        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.Equal(DatasetStatus.Ready, (await app.Registry.GetAsync(DatasetId.Create(datasetId), TestContext.Current.CancellationToken))!.Dataset.Status);
    }

    [Fact]
    public async Task AProductionDataset_ShowsSchemaAndCompletenessAsNotApplicable_NotAsAScore()
    {
        await using var app = await DataOpsApp.StartAsync(azurite);
        var body = new
        {
            journeyId = "dash-prod",
            clientId = "acme",
            clientName = "ACME",
            industry = "healthcare",
            useCase = "clinical_workflows",
            stage = "production",
            datasetTypes = new[] { "jira_issues" },
            requestedBy = "se@example.com",
        };
        using (var _ = await app.PostJsonAsync("api/datasets/provision", body))
        {
            await app.WaitForCompletionAsync("provision:dash-prod:production");
        }

        var list = await app.GetJsonAsync("api/datasets?journeyId=dash-prod");
        var datasetId = list.GetProperty("items")[0].GetProperty("datasetId").GetString()!;

        await WithPageAsync(nameof(AProductionDataset_ShowsSchemaAndCompletenessAsNotApplicable_NotAsAScore), async page =>
        {
            await page.GotoAsync(new Uri(app.Host.BaseAddress, "api/dashboard/").ToString());
            await page.FillAsync("#key-input", DataOpsApp.Key);
            await page.ClickAsync("#key-form button[type=submit]");
            await page.Locator($"#datasets tr[data-dataset-id='{datasetId}'] a").ClickAsync();

            await Assertions.Expect(page.Locator("#checks tbody tr")).ToHaveCountAsync(4);
            foreach (var check in new[] { "schema", "completeness" })
            {
                var row = page.Locator($"#checks tbody tr[data-check='{check}']");
                await Assertions.Expect(row.Locator("td").Nth(1)).ToHaveTextAsync("n/a");
                await Assertions.Expect(row.Locator("td").Nth(3)).ToHaveTextAsync("n/a");
                await Assertions.Expect(row.Locator("td").Nth(5)).ToContainTextAsync("not applicable: stage production");
            }

            // Nothing filled the production datasource: the sample queries ran and failed, and say why.
            var queries = page.Locator("#checks tbody tr[data-check='sample_queries']");
            await Assertions.Expect(queries.Locator("td").Nth(1)).ToHaveTextAsync("0.0");
            await Assertions.Expect(queries.Locator("td").Nth(3)).ToHaveTextAsync("failed");
            await Assertions.Expect(queries.Locator("td").Nth(5)).ToContainTextAsync("holds no documents");
        });
    }

    [Fact]
    public async Task ARefusedKey_ShowsTheKeyFormAgain_AndNothingElse()
    {
        await using var app = await DataOpsApp.StartAsync(azurite);

        await WithPageAsync(nameof(ARefusedKey_ShowsTheKeyFormAgain_AndNothingElse), async page =>
        {
            await page.GotoAsync(new Uri(app.Host.BaseAddress, "api/dashboard/").ToString());
            await page.FillAsync("#key-input", "not-the-key");
            await page.ClickAsync("#key-form button[type=submit]");

            await Assertions.Expect(page.Locator("#key-error")).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator("#datasets-panel")).ToBeHiddenAsync();
            await Assertions.Expect(page.Locator("#detail-panel")).ToBeHiddenAsync();
            Assert.Null(await page.EvaluateAsync<string?>("() => sessionStorage.getItem('dataops.credential')"));
        });
    }

    internal static async Task WithPageAsync(string testName, Func<IPage, Task> steps)
    {
        if (!File.Exists(ChromiumPath))
        {
            Assert.Fail($"No Chromium at {ChromiumPath}: install Debian's chromium package (scripts/test.sh does) or set DATAOPS_CHROMIUM to a Chromium executable.");
        }

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox"],
        });
        var page = await browser.NewPageAsync();
        try
        {
            await steps(page);
        }
        catch
        {
            var folder = Path.Combine(RepositoryRoot.Find(), "TestResults");
            Directory.CreateDirectory(folder);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, $"dashboard-{testName}.png"), FullPage = true });
            throw;
        }
    }
}
