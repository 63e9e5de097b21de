using DataOps.Domain.Datasets;
using DataOps.Domain.Quality;
using DataOps.Functions.Access;
using DataOps.Functions.Operations.Quality;
using DataOps.Functions.Validation;
using DataOps.Functions.Workflows;
using DataOps.Tests.Functions.Registry;
using DataOps.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace DataOps.Tests.Functions.Operations.Quality;

/// <summary>The quality history's runs and the reads over them, on a real table store.</summary>
public sealed class QualityQueriesTests(AzuriteFixture azurite)
{
    private static readonly DateOnly Day1 = new(2026, 3, 1);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SaveRunAsync_TheSameRunTwice_KeepsOneRun_AndReadsBackWhatWasSaved()
    {
        var (_, history, _, _) = Create();
        var run = QualityTrendsTests.Run("ds-1", Day1, 9, 97.5, WorkflowOutcome.Ready) with { Trigger = ValidationTrigger.Sweep };

        await history.SaveRunAsync(run, Ct);
        await history.SaveRunAsync(run, Ct);

        var read = Assert.Single(await history.ReadRunsAsync("ds-1", Ct));
        Assert.Equal((run.ValidatedAt, 97.5, WorkflowOutcome.Ready, ValidationTrigger.Sweep, "acme", "t-1", "1.0.0"), (read.ValidatedAt, read.Score!.Value, read.Outcome, read.Trigger, read.ClientId.Value, read.TemplateId, read.TemplateVersion));
        Assert.Equal(4, read.Checks.Count);
        Assert.Equal(4, (await history.ReadAsync("ds-1", Ct)).Count);
    }

    [Fact]
    public async Task ReadRunsSinceAsync_ReadsEveryDatasetsRunsFromThatTime_OldestFirst()
    {
        var (_, history, _, _) = Create();
        await history.SaveRunAsync(QualityTrendsTests.Run("ds-2", Day1, 12, 90, WorkflowOutcome.Failed), Ct);
        await history.SaveRunAsync(QualityTrendsTests.Run("ds-1", Day1, 11, 99, WorkflowOutcome.Ready), Ct);
        await history.SaveRunAsync(QualityTrendsTests.Run("ds-1", Day1.AddDays(-1), 11, 99, WorkflowOutcome.Ready), Ct);

        var runs = await history.ReadRunsSinceAsync(new DateTimeOffset(Day1.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), Ct);

        Assert.Equal(["ds-1", "ds-2"], runs.Select(r => r.DatasetId.Value));
    }

    [Fact]
    public async Task DatasetAsync_ShowsEveryRun_AndScoresRunsKeptBeforeRunsWere()
    {
        var (h, history, queries, _) = Create();
        await h.Registry.RegisterAsync(RegistryHarness.NewDataset("ds-1"), Ct);
        var older = new DateTimeOffset(Day1.ToDateTime(new TimeOnly(8, 0)), TimeSpan.Zero);
        await history.SaveAsync("ds-1", older, [.. Enum.GetValues<QualityCheckType>().Select(t => QualityCheckMapping.ToOutcome(new QualityCheckResult(t, 100, 95, true)))], Ct);
        await history.SaveRunAsync(QualityTrendsTests.Run("ds-1", Day1, 9, 80, WorkflowOutcome.Failed) with { Trigger = ValidationTrigger.Provisioning }, Ct);

        var quality = await queries.DatasetAsync(DatasetId.Create("ds-1"), Ct);

        Assert.NotNull(quality);
        Assert.Equal(95, quality.ReadyThreshold);
        Assert.Collection(
            quality.Runs,
            r => Assert.Equal((older, 100.0, "ready", (string?)null), (r.ValidatedAt, r.Score!.Value, r.Outcome, r.Trigger)),
            r => Assert.Equal((80.0, "failed", "provisioning", "1.0.0"), (r.Score!.Value, r.Outcome, r.Trigger, r.TemplateVersion)));
        Assert.Null(await queries.DatasetAsync(DatasetId.Create("nobody"), Ct));
    }

    [Fact]
    public async Task TrendAsync_CoversTheLastDaysToToday_OnlyTheCallersClients_AndTheFilters()
    {
        var (_, history, queries, time) = Create();
        time.SetUtcNow(new DateTimeOffset(Day1.AddDays(1).ToDateTime(new TimeOnly(15, 0)), TimeSpan.Zero));
        await history.SaveRunAsync(QualityTrendsTests.Run("a-1", Day1, 9, 99, WorkflowOutcome.Ready, client: "alpha"), Ct);
        await history.SaveRunAsync(QualityTrendsTests.Run("a-2", Day1.AddDays(1), 9, 70, WorkflowOutcome.Failed, client: "alpha", template: "t-2"), Ct);
        await history.SaveRunAsync(QualityTrendsTests.Run("b-1", Day1.AddDays(1), 10, 98, WorkflowOutcome.Ready, client: "beta"), Ct);
        await history.SaveRunAsync(QualityTrendsTests.Run("a-1", Day1.AddDays(-1), 9, 99, WorkflowOutcome.Ready, client: "alpha"), Ct);
        var engineerOfBeta = new Caller(CallerKind.BearerToken, "oid-b", "Beta Engineer", AccessRoles.Engineer, new HashSet<string> { "beta" });

        var all = await queries.TrendAsync(new QualityTrendQuery { Days = 2 }, Caller.FunctionKey, Ct);
        var beta = await queries.TrendAsync(new QualityTrendQuery { Days = 2 }, engineerOfBeta, Ct);
        var template = await queries.TrendAsync(new QualityTrendQuery { Days = 2, TemplateId = DataOps.Domain.Templates.TemplateId.Create("t-2") }, Caller.FunctionKey, Ct);
        var alphaAsBeta = await queries.TrendAsync(new QualityTrendQuery { Days = 2, ClientId = ClientId.Create("alpha") }, engineerOfBeta, Ct);

        Assert.Equal((Day1, Day1.AddDays(1)), (all.From, all.To));
        Assert.Equal([1, 2], all.Days.Select(d => d.Figures.Runs));
        Assert.Equal(3, all.Total.Runs);
        Assert.Equal([0, 1], beta.Days.Select(d => d.Figures.Runs));
        Assert.Equal(98, beta.Total.MeanScore);
        Assert.Equal(1, template.Total.Runs);
        Assert.Equal(70, template.Total.MinScore);
        Assert.Equal(0, alphaAsBeta.Total.Runs);
    }

    private (RegistryHarness Harness, QualityHistoryStore History, QualityQueries Queries, FakeTimeProvider Time) Create()
    {
        var h = new RegistryHarness(azurite);
        var history = new QualityHistoryStore(h.Tables);
        var time = new FakeTimeProvider(RegistryHarness.T0);
        return (h, history, new QualityQueries(h.Registry, history, time), time);
    }
}
