using DataOps.Domain.Datasets;
using DataOps.Functions.Validation;
using DataOps.Functions.Workflows;

namespace DataOps.Functions.Operations.Quality;

/// <summary>Quality over a window, day by day, as <c>GET /api/quality/trends</c> answers.</summary>
/// <param name="From">The first day (UTC).</param>
/// <param name="To">The last day (UTC).</param>
/// <param name="ReadyThreshold">The score a run must reach for READY.</param>
/// <param name="Total">The whole window in one figure.</param>
/// <param name="Days">Each day of the window, empty days included, oldest first.</param>
public sealed record QualityTrend(DateOnly From, DateOnly To, double ReadyThreshold, QualityTrendPoint Total, IReadOnlyList<QualityTrendDay> Days);

/// <summary>One day of a trend.</summary>
/// <param name="Date">The day (UTC).</param>
/// <param name="Figures">Its figures.</param>
public sealed record QualityTrendDay(DateOnly Date, QualityTrendPoint Figures);

/// <summary>The figures of a set of validation runs.</summary>
/// <param name="Runs">Validation runs.</param>
/// <param name="Datasets">Distinct datasets they validated.</param>
/// <param name="Scored">Runs with a score (the others could not run their checks).</param>
/// <param name="MeanScore">Mean score of the scored runs; null when none.</param>
/// <param name="MinScore">Lowest score; null when none.</param>
/// <param name="AtLeastReady">Scored runs at or above the READY threshold.</param>
/// <param name="ReadyShare">That share of the scored runs, 0-1; null when none.</param>
/// <param name="Failed">Runs that failed.</param>
/// <param name="Unchecked">Runs whose checks could not run.</param>
/// <param name="FailedChecks">Failed checks by check type.</param>
public sealed record QualityTrendPoint(
    int Runs,
    int Datasets,
    int Scored,
    double? MeanScore,
    double? MinScore,
    int AtLeastReady,
    double? ReadyShare,
    int Failed,
    int Unchecked,
    IReadOnlyDictionary<string, int> FailedChecks)
{
    /// <summary>The figures of <paramref name="runs"/>.</summary>
    public static QualityTrendPoint Of(IReadOnlyCollection<QualityRun> runs, double readyThreshold)
    {
        ArgumentNullException.ThrowIfNull(runs);
        var scores = runs.Where(r => r.Score is not null).Select(r => r.Score!.Value).ToList();
        var atLeast = scores.Count(s => s >= readyThreshold);
        var failedChecks = Enum.GetValues<QualityCheckType>().ToDictionary(
            t => t.ToWireName(),
            t => runs.Sum(r => r.Checks.Count(c => c.CheckType == t && !c.Passed)),
            StringComparer.Ordinal);
        return new QualityTrendPoint(
            runs.Count,
            runs.Select(r => r.DatasetId).Distinct().Count(),
            scores.Count,
            scores.Count == 0 ? null : Math.Round(scores.Average(), 2),
            scores.Count == 0 ? null : scores.Min(),
            atLeast,
            scores.Count == 0 ? null : Math.Round((double)atLeast / scores.Count, 4),
            runs.Count(r => r.Outcome == WorkflowOutcome.Failed),
            runs.Count(r => r.Outcome == WorkflowOutcome.Unchecked),
            failedChecks);
    }
}

/// <summary>Computes trends from validation runs.</summary>
public static class QualityTrends
{
    /// <summary>
    /// The trend of <paramref name="runs"/> from <paramref name="from"/> to <paramref name="to"/> (UTC days, both
    /// included); runs outside the window are left out.
    /// </summary>
    public static QualityTrend Compute(IEnumerable<QualityRun> runs, DateOnly from, DateOnly to, double readyThreshold)
    {
        ArgumentNullException.ThrowIfNull(runs);
        if (to < from)
        {
            throw new ArgumentException("The window ends before it starts.", nameof(to));
        }

        var inWindow = runs.Where(r => DayOf(r) >= from && DayOf(r) <= to).ToList();
        var byDay = inWindow.ToLookup(DayOf);
        var days = new List<QualityTrendDay>();
        for (var day = from; day <= to; day = day.AddDays(1))
        {
            days.Add(new QualityTrendDay(day, QualityTrendPoint.Of([.. byDay[day]], readyThreshold)));
        }

        return new QualityTrend(from, to, readyThreshold, QualityTrendPoint.Of(inWindow, readyThreshold), days);
    }

    private static DateOnly DayOf(QualityRun run) => DateOnly.FromDateTime(run.ValidatedAt.UtcDateTime);
}
