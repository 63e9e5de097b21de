using DataOps.Domain.Datasets;
using DataOps.Functions.Access;
using DataOps.Tests.Domain;
using DataOps.Tests.EndToEnd;
using DataOps.Tests.Infrastructure;
using Microsoft.Playwright;

namespace DataOps.Tests.Functions.Operations.Dashboard;

/// <summary>
/// The overview's compliance reports and targets-versus-actuals in a real headless Chromium, the app's clock fixed: an
/// Operator produces a report from the page, opens it and downloads its CSV, and reads each metric beside its target;
/// a Reader sees both panels without the produce buttons; an Engineer sees neither.
/// </summary>
[Trait("Category", "Browser")]
public sealed class DashboardReportsBrowserTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset Now = new(2026, 3, 4, 9, 0, 0, TimeSpan.Zero);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AnOperator_ProducesAReport_OpensIt_DownloadsItsCsv_AndSeesTheMetricsBesideTheirTargets()
    {
        await using var app = await DataOpsApp.StartAsync(azurite, time: new ManualTimeProvider(Now));
        await SeedAsync(app);

        await DashboardBrowserTests.WithPageAsync(nameof(AnOperator_ProducesAReport_OpensIt_DownloadsItsCsv_AndSeesTheMetricsBesideTheirTargets), async page =>
        {
            await page.GotoAsync(new Uri(app.Host.BaseAddress, "api/dashboard/").ToString());
            await page.FillAsync("#key-input", DataOpsApp.Key);
            await page.ClickAsync("#key-form button[type=submit]");

            var firstAttempt = page.Locator("#metrics tr[data-metric=first_attempt_success_rate]");
            await Assertions.Expect(firstAttempt.Locator("td.actual")).ToHaveTextAsync("50.0 %");
            await Assertions.Expect(firstAttempt.Locator("td.target")).ToHaveTextAsync(">= 98 %");
            await Assertions.Expect(firstAttempt.Locator("td.met")).ToHaveAttributeAsync("data-met", "false");
            var orphans = page.Locator("#metrics tr[data-metric=active_orphans]");
            await Assertions.Expect(orphans.Locator("td.actual")).ToHaveTextAsync("2");
            await Assertions.Expect(orphans.Locator("td.met")).ToHaveTextAsync("met");
            await Assertions.Expect(page.Locator("#metrics tbody tr")).ToHaveCountAsync(6);
            await Assertions.Expect(page.Locator("#metrics-period")).ToContainTextAsync("From 2026-02-02 to 2026-03-04");

            var report = page.Locator("#reports tr[data-report=orphaned_datasets_check]");
            await Assertions.Expect(report).ToContainTextAsync("not produced yet");
            await report.Locator("button.produce-report").ClickAsync();
            await Assertions.Expect(page.Locator("#reports-message")).ToContainTextAsync("Produced orphaned_datasets_check for 2026-03-04: 2 rows");
            await Assertions.Expect(report.Locator("select.report-date")).ToHaveValueAsync("2026-03-04");

            await report.Locator("button.open-report").ClickAsync();
            await Assertions.Expect(page.Locator("#report-view")).ToHaveAttributeAsync("data-report", "orphaned_datasets_check");
            await Assertions.Expect(page.Locator("#report-view-title")).ToHaveTextAsync("orphaned_datasets_check — 2026-03-04");
            await Assertions.Expect(page.Locator("#report-rows tbody tr")).ToHaveCountAsync(2);
            await Assertions.Expect(page.Locator("#report-rows tbody tr").First).ToContainTextAsync("dash-orphan-1");

            var download = await page.RunAndWaitForDownloadAsync(() => report.Locator("button.download-report[data-format=csv]").ClickAsync());
            Assert.Equal("orphaned_datasets_check-2026-03-04.csv", download.SuggestedFilename);
            var path = await download.PathAsync();
            var lines = await File.ReadAllLinesAsync(path, Ct);
            Assert.StartsWith("dataset_id,client_id,journey_id,", lines[0], StringComparison.Ordinal);
            Assert.Equal(3, lines.Length);
            Assert.DoesNotContain(DataOpsApp.Key, page.Url, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task AReader_SeesTheReportsAndMetrics_WithoutProduceButtons_AndAnEngineerSeesNeither()
    {
        var signingKey = DevTokens.NewSigningKey();
        await using var app = await DataOpsApp.StartAsync(azurite, new Dictionary<string, string?> { ["DataOps:Auth:DevSigningKey"] = signingKey }, new ManualTimeProvider(Now));
        await SeedAsync(app);
        var reader = DevTokens.Mint(signingKey, AccessOptions.DefaultAudience, "auditor@example.com", [AccessRoleNames.Reader], [], TimeSpan.FromHours(1), DateTimeOffset.UtcNow);
        var engineer = DevTokens.Mint(signingKey, AccessOptions.DefaultAudience, "se-a@example.com", [AccessRoleNames.Engineer], ["acme"], TimeSpan.FromHours(1), DateTimeOffset.UtcNow);

        await DashboardBrowserTests.WithPageAsync(nameof(AReader_SeesTheReportsAndMetrics_WithoutProduceButtons_AndAnEngineerSeesNeither), async page =>
        {
            await SignInAsync(page, app, reader);
            await Assertions.Expect(page.Locator("#reports tbody tr")).ToHaveCountAsync(4);
            await Assertions.Expect(page.Locator("#metrics tbody tr")).ToHaveCountAsync(6);
            await Assertions.Expect(page.Locator("#reports button.produce-report")).ToHaveCountAsync(0);

            await page.ClickAsync("#sign-out");
            await SignInAsync(page, app, engineer);
            await Assertions.Expect(page.Locator("#datasets tbody tr")).ToHaveCountAsync(2);
            await Assertions.Expect(page.Locator("#reports-panel")).ToBeHiddenAsync();
            await Assertions.Expect(page.Locator("#metrics-panel")).ToBeHiddenAsync();
        });
    }

    private static async Task SignInAsync(IPage page, DataOpsApp app, string token)
    {
        await page.GotoAsync(new Uri(app.Host.BaseAddress, "api/dashboard/").ToString());
        await page.SelectOptionAsync("#key-kind", "token");
        await page.FillAsync("#key-input", token);
        await page.ClickAsync("#key-form button[type=submit]");
    }

    /// <summary>Two acme datasets of a journey the registry never heard of, three days old: one READY, one FAILED; both orphans.</summary>
    private static async Task SeedAsync(DataOpsApp app)
    {
        await app.Registry.RegisterAsync(new DatasetBuilder().WithId("dash-orphan-1").ForClient("acme", "ACME").ForJourney("j-gone").BuildIn(DatasetStatus.Ready), Ct);
        await app.Registry.RegisterAsync(new DatasetBuilder().WithId("dash-orphan-2").ForClient("acme", "ACME").ForJourney("j-gone").OfType(DatasetType.JiraIssues).BuildIn(DatasetStatus.Failed), Ct);
    }
}
