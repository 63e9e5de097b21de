using DataOps.Domain.Datasets;
using DataOps.Domain.Metrics;

namespace DataOps.Functions.Reports;

/// <summary>
/// <c>data_quality_trends</c>: one row per UTC day, client, template (and its version) and stage with validation runs
/// in the window:
/// how many runs, their outcomes, the mean and lowest score, the share scoring <see cref="SuccessTargets.QualityScore"/>
/// or more, and how many runs each check failed. The summary gives the same figures over the whole window.
/// </summary>
internal static class DataQualityTrendsReport
{
    private static readonly string[] CheckNames = [.. Enum.GetValues<QualityCheckType>().Select(c => c.ToWireName())];

    public static IReadOnlyList<string> Columns { get; } =
    [
        "day", "client_id", "template_id", "template_version", "stage", "runs", "ready", "failed", "unchecked", "scored_runs",
        "mean_score", "min_score", "scoring_95_percent",
        .. CheckNames.Select(c => "failed_" + c),
    ];

    public static ReportContent Build(IReadOnlyCollection<QualityRunFacts> runs, DateTimeOffset from, DateTimeOffset to)
    {
        ArgumentNullException.ThrowIfNull(runs);
        var inWindow = runs.Where(r => r.ValidatedAt >= from && r.ValidatedAt <= to).ToList();
        var rows = inWindow
            .GroupBy(r => (Day: ReportDates.Format(r.ValidatedAt), r.ClientId, Template: r.TemplateId ?? string.Empty, Version: r.TemplateVersion ?? string.Empty, r.Stage))
            .OrderBy(g => g.Key.Day, StringComparer.Ordinal)
            .ThenBy(g => g.Key.ClientId, StringComparer.Ordinal)
            .ThenBy(g => g.Key.Template, StringComparer.Ordinal)
            .ThenBy(g => g.Key.Version, StringComparer.Ordinal)
            .ThenBy(g => g.Key.Stage, StringComparer.Ordinal)
            .Select(g =>
            {
                var scores = Scores(g);
                return (object?[])
                [
                    g.Key.Day,
                    g.Key.ClientId,
                    g.Key.Template.Length == 0 ? null : g.Key.Template,
                    g.Key.Version.Length == 0 ? null : g.Key.Version,
                    g.Key.Stage,
                    g.Count(),
                    g.Count(r => r.Outcome == "ready"),
                    g.Count(r => r.Outcome == "failed"),
                    g.Count(r => r.Outcome == "unchecked"),
                    scores.Count,
                    Mean(scores),
                    scores.Count == 0 ? null : Math.Round(scores.Min(), 1),
                    ShareAtTarget(scores),
                    .. CheckNames.Select(c => (object?)g.Count(r => r.FailedChecks.Contains(c, StringComparer.Ordinal))),
                ];
            })
            .ToList();

        var all = Scores(inWindow);
        KeyValuePair<string, object?>[] summary =
        [
            new("from", from),
            new("to", to),
            new("runs", inWindow.Count),
            new("datasets", inWindow.Select(r => r.DatasetId).Distinct(StringComparer.Ordinal).Count()),
            new("scored_runs", all.Count),
            new("mean_score", Mean(all)),
            new("scoring_95_percent", ShareAtTarget(all)),
            .. CheckNames.Select(c => new KeyValuePair<string, object?>("failed_" + c, inWindow.Count(r => r.FailedChecks.Contains(c, StringComparer.Ordinal)))),
        ];
        return new ReportContent(summary, Columns, rows);
    }

    private static List<double> Scores(IEnumerable<QualityRunFacts> runs) => [.. runs.Where(r => r.Score is not null).Select(r => r.Score!.Value)];

    private static double? Mean(List<double> scores) => scores.Count == 0 ? null : Math.Round(scores.Average(), 1);

    private static double? ShareAtTarget(List<double> scores)
        => scores.Count == 0 ? null : Math.Round(100.0 * scores.Count(s => s >= SuccessTargets.QualityScore) / scores.Count, 1);
}
