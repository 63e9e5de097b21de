using DataOps.Domain.Datasets;
using DataOps.Domain.Quality;
using DataOps.Functions.Access;
using DataOps.Functions.Registry;
using DataOps.Functions.Validation;
using DataOps.Functions.Workflows;

namespace DataOps.Functions.Operations.Quality;

/// <summary>Quality over time: one dataset's validation runs, and trends over many.</summary>
public sealed class QualityQueries(IDatasetRegistry registry, QualityHistoryStore history, TimeProvider time)
{
    private static readonly double ReadyThreshold = QualityThresholds.Default.Overall;

    /// <summary>Every validation run of the dataset, oldest first; null for an unknown dataset.</summary>
    public async Task<DatasetQuality?> DatasetAsync(DatasetId id, CancellationToken cancellationToken)
    {
        if (await registry.GetAsync(id, cancellationToken) is null)
        {
            return null;
        }

        var runs = await history.ReadRunsAsync(id.Value, cancellationToken);
        var views = runs.Select(View).ToList();

        // Runs kept before runs were (their checks only): scored again from their checks, with no trigger.
        var known = runs.Select(r => r.ValidatedAt).ToHashSet();
        var checks = await history.ReadAsync(id.Value, cancellationToken);
        foreach (var older in checks.Where(c => !known.Contains(c.ValidatedAt)).GroupBy(c => c.ValidatedAt))
        {
            var outcomes = older.Select(c => c.Check).ToList();
            var decision = QualityEvaluation.Decide(outcomes.Select(QualityCheckMapping.ToResult), older.Key);
            views.Add(new QualityRunView(
                older.Key,
                decision.Score.Overall,
                (decision.IsReady ? WorkflowOutcome.Ready : WorkflowOutcome.Failed).ToWireName(),
                null,
                null,
                null,
                [.. outcomes.Select(Check)]));
        }

        return new DatasetQuality(id.Value, ReadyThreshold, [.. views.OrderBy(v => v.ValidatedAt)]);
    }

    /// <summary>The trend of the runs <paramref name="caller"/> may see that match <paramref name="query"/>, day by day up to today.</summary>
    public async Task<QualityTrend> TrendAsync(QualityTrendQuery query, Caller caller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(caller);
        var to = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var from = to.AddDays(1 - query.Days);
        var runs = await history.ReadRunsSinceAsync(new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), cancellationToken);
        var matching = runs.Where(r => caller.CanRead(r.ClientId)
            && (query.ClientId is not { } c || r.ClientId == c)
            && (query.TemplateId is not { } t || string.Equals(r.TemplateId, t.Value, StringComparison.Ordinal))
            && (query.Stage is not { } s || r.Stage == s)
            && (query.DatasetType is not { } d || r.DatasetType == d));
        return QualityTrends.Compute(matching, from, to, ReadyThreshold);
    }

    private static QualityRunView View(QualityRun run) => new(
        run.ValidatedAt,
        run.Score,
        run.Outcome.ToWireName(),
        run.Trigger.ToWireName(),
        run.TemplateId,
        run.TemplateVersion,
        [.. run.Checks.Select(Check)]);

    private static QualityRunCheck Check(QualityCheckOutcome check) => new(check.CheckType.ToWireName(), check.Score, check.Threshold, check.Passed);
}
