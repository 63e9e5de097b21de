namespace DataOps.Functions.Reports;

/// <summary>The seeds' success metrics over a window: <c>GET /api/operations/metrics</c>.</summary>
/// <param name="From">Start of the window (inclusive).</param>
/// <param name="To">End of the window (exclusive).</param>
/// <param name="AsOf">When the figures were computed; the active orphans are counted at this time.</param>
/// <param name="Metrics">Every metric, in the seeds' order.</param>
public sealed record SuccessMetrics(DateTimeOffset From, DateTimeOffset To, DateTimeOffset AsOf, IReadOnlyList<SuccessMetric> Metrics);
