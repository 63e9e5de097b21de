using DataOps.Domain.Datasets;
using DataOps.Functions.Registry;

namespace DataOps.Functions.Reports;

/// <summary>
/// <c>connector_health_summary</c>: one row per connector the product created and has not retired, with its status,
/// its dataset (client, stage, type, status), its last health check and what it found, and whether that check is
/// stale (a READY dataset's connector not checked within the configured age, or never). The summary counts the
/// connectors by status, retired ones included, and the share of the checked ones that are healthy.
/// </summary>
internal static class ConnectorHealthSummaryReport
{
    private static readonly string[] Statuses =
        [ConnectorStatuses.Healthy, ConnectorStatuses.Unhealthy, ConnectorStatuses.Paused, ConnectorStatuses.Disconnected, ConnectorStatuses.Retired];

    public static IReadOnlyList<string> Columns { get; } =
    [
        "connector_name", "datasource", "connector_status", "dataset_id", "client_id", "stage", "dataset_type",
        "dataset_status", "last_health_check", "hours_since_check", "stale", "health_details",
    ];

    public static ReportContent Build(IReadOnlyCollection<ConnectorRecord> connectors, IReadOnlyCollection<DatasetSnapshot> datasets, DateTimeOffset now, TimeSpan staleAfter)
    {
        ArgumentNullException.ThrowIfNull(connectors);
        ArgumentNullException.ThrowIfNull(datasets);
        var byId = datasets.ToDictionary(d => d.Id.Value, StringComparer.Ordinal);
        var live = connectors.Where(c => c.Status != ConnectorStatuses.Retired).OrderBy(c => c.Connector.ConnectorName, StringComparer.Ordinal).ToList();
        var stale = 0;
        var rows = new List<object?[]>();
        foreach (var c in live)
        {
            var dataset = byId.GetValueOrDefault(c.DatasetId);
            var isStale = dataset?.Status == DatasetStatus.Ready && (c.LastHealthCheck is not { } checkedAt || now - checkedAt > staleAfter);
            stale += isStale ? 1 : 0;
            rows.Add(
            [
                c.Connector.ConnectorName,
                c.Connector.DatasourceName,
                c.Status,
                c.DatasetId,
                dataset?.ClientId.Value,
                dataset?.Stage.ToWireName(),
                dataset?.Type.ToWireName(),
                dataset?.Status.ToWireName(),
                c.LastHealthCheck,
                c.LastHealthCheck is { } at ? Math.Round((now - at).TotalHours, 2) : null,
                isStale,
                c.HealthDetails,
            ]);
        }

        var healthy = live.Count(c => c.Status == ConnectorStatuses.Healthy);
        var unhealthy = live.Count(c => c.Status == ConnectorStatuses.Unhealthy);
        KeyValuePair<string, object?>[] summary =
        [
            new("connectors", live.Count),
            .. Statuses.Select(s => new KeyValuePair<string, object?>(s, connectors.Count(c => c.Status == s))),
            new("healthy_percent", healthy + unhealthy == 0 ? null : Math.Round(100.0 * healthy / (healthy + unhealthy), 1)),
            new("never_checked", live.Count(c => c.LastHealthCheck is null)),
            new("stale_checks", stale),
            new("stale_after_hours", staleAfter.TotalHours),
        ];
        return new ReportContent(summary, Columns, rows);
    }
}
