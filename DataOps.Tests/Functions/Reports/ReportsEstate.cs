using Azure.Storage.Blobs;
using DataOps.Domain.Datasets;
using DataOps.Domain.Quality;
using DataOps.Functions.Registry;
using DataOps.Functions.Reports;
using DataOps.Functions.Validation;
using DataOps.Functions.Workflows;
using DataOps.Glean.Model;
using DataOps.Tests.Domain;
using DataOps.Tests.Functions.Registry;
using DataOps.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using DatasetAggregate = DataOps.Domain.Datasets.Dataset;
using OptionsFactory = Microsoft.Extensions.Options.Options;

namespace DataOps.Tests.Functions.Reports;

/// <summary>
/// A registry on Azurite holding a known estate, the clock at <see cref="Now"/> (three days after
/// <see cref="Builders.T0"/>), and the report producer over it:
/// <list type="bullet">
/// <item>acme (journey j-acme, in sandbox): a1 sandbox confluence READY 100 with 500 records, a2 sandbox github FAILED
/// at 97 (schema 90), a3 pilot jira VALIDATING (its journey is in sandbox: an orphan);</item>
/// <item>globex (journey j-globex, completed): g1 sandbox slack ARCHIVED, g2 sandbox confluence READY 100 (an orphan),
/// g3 pilot github in an orphan-cleanup teardown;</item>
/// <item>initech (journey unknown): n1 sandbox jira READY, registered an hour ago (too young to be an orphan);</item>
/// <item>connectors: a1 healthy (checked 10 minutes ago), a2 unhealthy (2 hours ago), g2 healthy (3 hours ago: stale),
/// g1 retired;</item>
/// <item>validation runs (template version 1.0.0): a1 and a2 yesterday (100, and 97 failing schema), a2 yesterday
/// unchecked, a1 ten days ago; a1 today at template version 1.1.0 (100).</item>
/// </list>
/// </summary>
internal sealed class ReportsEstate
{
    public static readonly DateTimeOffset Now = Builders.T0.AddDays(3);

    private ReportsEstate(RegistryHarness harness, FakeTimeProvider time, BlobServiceClient blobs, string container)
    {
        Harness = harness;
        Time = time;
        Connectors = new ConnectorStore(harness.Tables, time, harness.Audit, NullLogger<ConnectorStore>.Instance);
        Journeys = new JourneyProjectionStore(harness.Tables);
        History = new QualityHistoryStore(harness.Tables);
        Estate = new EstateReader(harness.Registry, Connectors, Journeys, new OverviewProjection(harness.Tables));
        Store = new ReportStore(blobs, OptionsFactory.Create(new ReportOptions { ContainerName = container }));
        Producer = new ReportProducer(
            Estate,
            new QualityHistoryRunSource(History),
            Store,
            time,
            OptionsFactory.Create(new ReportOptions { ContainerName = container }),
            OptionsFactory.Create(new WorkflowOptions()),
            NullLogger<ReportProducer>.Instance);
        Container = blobs.GetBlobContainerClient(container);
    }

    public RegistryHarness Harness { get; }

    public FakeTimeProvider Time { get; }

    public ConnectorStore Connectors { get; }

    public JourneyProjectionStore Journeys { get; }

    public QualityHistoryStore History { get; }

    public EstateReader Estate { get; }

    public ReportStore Store { get; }

    public ReportProducer Producer { get; }

    public BlobContainerClient Container { get; }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>An empty registry and report container, the clock at <see cref="Now"/>.</summary>
    public static ReportsEstate Empty(AzuriteFixture azurite) => Empty(azurite, Now);

    private static ReportsEstate Empty(AzuriteFixture azurite, DateTimeOffset clock)
        => new(new RegistryHarness(azurite), new FakeTimeProvider(clock), new BlobServiceClient(azurite.ConnectionString), AzuriteFixture.UniqueName("reports"));

    /// <summary>The estate described on the class.</summary>
    public static async Task<ReportsEstate> PrepareAsync(AzuriteFixture azurite)
    {
        // The clock starts early: the connectors' health checks are stamped by it as it moves forward to Now.
        var e = Empty(azurite, Now.AddDays(-1));
        var t0 = Builders.T0;
        await e.Journeys.ApplyAsync("j-acme", "acme", "sandbox", completed: false, t0, Ct);
        await e.Journeys.ApplyAsync("j-globex", "globex", "sandbox", completed: true, t0.AddDays(2), Ct);

        var a1 = Dataset("a1", "acme", "j-acme", Stage.Sandbox, DatasetType.ConfluencePages, t0);
        a1.RecordPopulation(500, 5000, t0.AddMinutes(2));
        Ready(a1, t0.AddMinutes(10));
        await e.RegisterAsync(a1);

        var a2 = Dataset("a2", "acme", "j-acme", Stage.Sandbox, DatasetType.GithubRepos, t0);
        a2.StartValidation(t0.AddMinutes(5));
        a2.MarkFailed(Builders.FailingDecision(t0.AddMinutes(20)), t0.AddMinutes(20));
        await e.RegisterAsync(a2);

        var a3 = Dataset("a3", "acme", "j-acme", Stage.Pilot, DatasetType.JiraIssues, t0);
        a3.StartValidation(t0.AddMinutes(5));
        await e.RegisterAsync(a3);

        var g1 = Dataset("g1", "globex", "j-globex", Stage.Sandbox, DatasetType.SlackMessages, t0);
        Ready(g1, t0.AddMinutes(10));
        g1.StartTeardown(TeardownReason.JourneyCompleted, t0.AddDays(2));
        g1.StartGracePeriod(t0.AddDays(2).AddHours(24), t0.AddDays(2));
        g1.Archive("archives/globex/g1/", 10, t0.AddDays(2).AddHours(25));
        await e.RegisterAsync(g1);

        var g2 = Dataset("g2", "globex", "j-globex", Stage.Sandbox, DatasetType.ConfluencePages, t0);
        Ready(g2, t0.AddMinutes(30));
        await e.RegisterAsync(g2);

        var g3 = Dataset("g3", "globex", "j-globex", Stage.Pilot, DatasetType.GithubRepos, t0);
        Ready(g3, t0.AddMinutes(40));
        g3.StartTeardown(TeardownReason.OrphanCleanup, Now.AddHours(-5));
        await e.RegisterAsync(g3);

        var n1 = Dataset("n1", "initech", "j-initech", Stage.Sandbox, DatasetType.JiraIssues, Now.AddHours(-1));
        Ready(n1, Now.AddMinutes(-50));
        await e.RegisterAsync(n1);

        await e.ConnectorAsync("g2", "Globex-sandbox-confluence", ConnectorStatuses.Healthy, Now.AddHours(-3));
        await e.ConnectorAsync("a2", "ACME-sandbox-github", ConnectorStatuses.Unhealthy, Now.AddHours(-2));
        await e.ConnectorAsync("a1", "ACME-sandbox-confluence", ConnectorStatuses.Healthy, Now.AddMinutes(-10));
        await e.ConnectorAsync("g1", "Globex-sandbox-slack", ConnectorStatuses.Retired, null);

        await e.RunAsync("a1", Now.AddDays(-1), ValidationTrigger.Sweep, "1.0.0", Builders.PassingChecks());
        await e.RunAsync("a2", Now.AddDays(-1).AddMinutes(5), ValidationTrigger.Provisioning, "1.0.0", Builders.FailingDecision().Checks);
        await e.RunAsync("a2", Now.AddDays(-1).AddHours(1), ValidationTrigger.Sweep, "1.0.0", []);
        await e.RunAsync("a1", Now.AddMinutes(-30), ValidationTrigger.Manual, "1.1.0", Builders.PassingChecks());
        await e.RunAsync("a1", Now.AddDays(-10), ValidationTrigger.Sweep, "1.0.0", Builders.PassingChecks());
        e.Time.SetUtcNow(Now);
        return e;
    }

    private static DatasetAggregate Dataset(string id, string client, string journey, Stage stage, DatasetType type, DateTimeOffset at)
        => new DatasetBuilder().WithId(id).ForClient(client, client.ToUpperInvariant()).ForJourney(journey).InStage(stage).OfType(type).CreatedAt(at).Build();

    private static void Ready(DatasetAggregate dataset, DateTimeOffset at)
    {
        dataset.StartValidation(at.AddMinutes(-5));
        dataset.MarkReady(Builders.ReadyScore(at), at);
    }

    private async Task RegisterAsync(DatasetAggregate dataset)
    {
        dataset.ClearDomainEvents();
        await Harness.Registry.RegisterAsync(dataset, Ct);
    }

    private async Task ConnectorAsync(string datasetId, string name, string status, DateTimeOffset? checkedAt)
    {
        var connector = new GleanConnector(name, name.ToLowerInvariant().Replace("-", string.Empty, StringComparison.Ordinal), DatasetType.ConfluencePages, Stage.Sandbox, "Page", "https://example.test/.*", new Uri("https://example.test/"), true, []);
        Time.SetUtcNow(checkedAt ?? Now);
        await Connectors.SaveAsync(datasetId, connector, status, Ct);
        if (checkedAt is not null)
        {
            await Connectors.SetStatusAsync(DatasetId.Create(datasetId), name, status, status == ConnectorStatuses.Healthy ? "ok" : "datasource not found", Ct);
        }
    }

    /// <summary>A validation run of an acme sandbox dataset: no checks means they could not run (unchecked).</summary>
    private Task RunAsync(string datasetId, DateTimeOffset at, ValidationTrigger trigger, string templateVersion, IReadOnlyList<QualityCheckResult> checks)
    {
        var decision = checks.Count == 0 ? null : QualityEvaluation.Decide(checks, at);
        var outcome = decision is null ? WorkflowOutcome.Unchecked : decision.IsReady ? WorkflowOutcome.Ready : WorkflowOutcome.Failed;
        return History.SaveRunAsync(
            new QualityRun(
                DatasetId.Create(datasetId), at, decision?.Score.Overall, outcome, trigger, ClientId.Create("acme"), Stage.Sandbox, DatasetType.ConfluencePages,
                "healthcare.developer_productivity.confluence_pages", templateVersion, [.. checks.Select(QualityCheckMapping.ToOutcome)]),
            Ct);
    }
}
