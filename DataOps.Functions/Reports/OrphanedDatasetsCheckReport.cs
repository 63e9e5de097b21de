using DataOps.Domain.Datasets;
using DataOps.Domain.Metrics;
using DataOps.Domain.Registry;

namespace DataOps.Functions.Reports;

/// <summary>
/// <c>orphaned_datasets_check</c>: one row per active orphan (<see cref="OrphanCheck"/>, with the rule's reason) and
/// per dataset whose orphan-cleanup teardown is still running; the summary holds how many datasets were examined,
/// the active orphans against the seeds' target (fewer than <see cref="SuccessTargets.ActiveOrphansBelow"/>), the
/// cleanups running and the datasets archived by orphan cleanup.
/// </summary>
internal static class OrphanedDatasetsCheckReport
{
    public static IReadOnlyList<string> Columns { get; } =
    [
        "dataset_id", "client_id", "journey_id", "stage", "dataset_type", "status", "finding", "reason",
        "created_at", "age_hours", "teardown_started_at",
    ];

    public static ReportContent Build(IReadOnlyCollection<DatasetSnapshot> datasets, IReadOnlyDictionary<JourneyId, JourneyState> journeys, DateTimeOffset now, TimeSpan minimumAge)
    {
        ArgumentNullException.ThrowIfNull(datasets);
        var orphans = OrphanCheck.Find(datasets, journeys, now, minimumAge);
        var cleaning = datasets
            .Where(d => d.Status == DatasetStatus.Teardown && d.TeardownReason == TeardownReason.OrphanCleanup)
            .OrderBy(d => d.Id.Value, StringComparer.Ordinal)
            .ToList();
        var rows = orphans.Select(o => Row(o.Dataset, "active_orphan", o.Reason, now))
            .Concat(cleaning.Select(d => Row(d, "cleanup_running", "orphan cleanup teardown in progress", now)))
            .ToList();
        KeyValuePair<string, object?>[] summary =
        [
            new("examined", datasets.Count(d => d.Status != DatasetStatus.Archived)),
            new("active_orphans", orphans.Count),
            new("target_below", SuccessTargets.ActiveOrphansBelow),
            new("met", orphans.Count < SuccessTargets.ActiveOrphansBelow),
            new("cleanups_running", cleaning.Count),
            new("archived_by_orphan_cleanup", datasets.Count(d => d.Status == DatasetStatus.Archived && d.TeardownReason == TeardownReason.OrphanCleanup)),
            new("minimum_age_hours", minimumAge.TotalHours),
        ];
        return new ReportContent(summary, Columns, rows);
    }

    private static object?[] Row(DatasetSnapshot d, string finding, string reason, DateTimeOffset now) =>
    [
        d.Id.Value,
        d.ClientId.Value,
        d.JourneyId.Value,
        d.Stage.ToWireName(),
        d.Type.ToWireName(),
        d.Status.ToWireName(),
        finding,
        reason,
        d.CreatedAt,
        Math.Round((now - d.CreatedAt).TotalHours, 1),
        d.TeardownStartedAt,
    ];
}
