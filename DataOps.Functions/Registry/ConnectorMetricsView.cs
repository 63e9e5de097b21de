namespace DataOps.Functions.Registry;

/// <summary>
/// A connector's monitoring figures (ARCH-004), measured from the calls the product made to Glean for it since its
/// dataset was registered: rates over the last <paramref name="WindowDays"/> days, errors over the last 24 hours.
/// </summary>
/// <param name="WindowDays">Days the rates, percentiles and uptime cover.</param>
/// <param name="Syncs">Bulk uploads (population, re-syncs) in the window.</param>
/// <param name="SyncSuccessRate">Share of them Glean took (0..1); null without syncs.</param>
/// <param name="Queries">Searches of the datasource (sample queries) in the window.</param>
/// <param name="QueryResponseP50Ms">Median answer time, as the upper bound of its histogram bucket; null without answered queries.</param>
/// <param name="QueryResponseP95Ms">95th percentile answer time, likewise; null above the histogram's last bound.</param>
/// <param name="ErrorsLast24Hours">Calls that failed in the last 24 hours, whoever's fault (Glean down and throttling included).</param>
/// <param name="ErrorRateLast24Hours">The connector's own errors over the calls Glean answered (the health check's criterion); null when Glean answered none.</param>
/// <param name="LastSuccessfulSyncAt">When Glean last took an upload of the connector's documents; null when never.</param>
/// <param name="FreshnessMinutes">Minutes since then; null when never.</param>
/// <param name="Probes">Health probes in the window.</param>
/// <param name="Uptime">Share of probes Glean answered (0..1); null without probes.</param>
public sealed record ConnectorMetricsView(
    int WindowDays,
    long Syncs,
    double? SyncSuccessRate,
    long Queries,
    double? QueryResponseP50Ms,
    double? QueryResponseP95Ms,
    long ErrorsLast24Hours,
    double? ErrorRateLast24Hours,
    DateTimeOffset? LastSuccessfulSyncAt,
    double? FreshnessMinutes,
    long Probes,
    double? Uptime);
