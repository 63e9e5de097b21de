using DataOps.Domain.Datasets;

namespace DataOps.Functions.Reports;

/// <summary>
/// <c>datasets_by_stage_by_client</c>: one row per client and stage holding datasets (archived ones included, as the
/// audit trail keeps them), with the count in each status, how many are active (hold their slot), their records and
/// the mean of their latest quality scores.
/// </summary>
internal static class DatasetsByStageByClientReport
{
    private static readonly DatasetStatus[] Statuses = Enum.GetValues<DatasetStatus>();

    public static IReadOnlyList<string> Columns { get; } =
    [
        "client_id", "client_name", "stage", "datasets", "active",
        .. Statuses.Select(s => s.ToWireName()),
        "records", "scored", "mean_score", "min_score",
    ];

    public static ReportContent Build(IReadOnlyCollection<DatasetSnapshot> datasets)
    {
        ArgumentNullException.ThrowIfNull(datasets);
        var rows = datasets
            .GroupBy(d => (Client: d.ClientId.Value, d.Stage))
            .OrderBy(g => g.Key.Client, StringComparer.Ordinal)
            .ThenBy(g => g.Key.Stage)
            .Select(g =>
            {
                var scores = g.Where(d => d.QualityScore is not null).Select(d => d.QualityScore!.Overall).ToList();
                return (object?[])
                [
                    g.Key.Client,
                    g.OrderByDescending(d => d.UpdatedAt).First().ClientName.Value,
                    g.Key.Stage.ToWireName(),
                    g.Count(),
                    g.Count(d => DatasetStateMachine.IsActive(d.Status)),
                    .. Statuses.Select(s => (object?)g.Count(d => d.Status == s)),
                    g.Sum(d => d.RecordCount),
                    scores.Count,
                    scores.Count == 0 ? null : Math.Round(scores.Average(), 1),
                    scores.Count == 0 ? null : Math.Round(scores.Min(), 1),
                ];
            })
            .ToList();

        KeyValuePair<string, object?>[] summary =
        [
            new("clients", datasets.Select(d => d.ClientId).Distinct().Count()),
            new("datasets", datasets.Count),
            new("active", datasets.Count(d => DatasetStateMachine.IsActive(d.Status))),
            .. Enum.GetValues<Stage>().Select(s => new KeyValuePair<string, object?>(s.ToWireName(), datasets.Count(d => d.Stage == s))),
        ];
        return new ReportContent(summary, Columns, rows);
    }
}
