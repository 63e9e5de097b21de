namespace DataOps.Functions.Triggers;

/// <summary>The body of <c>GET /api/health</c>.</summary>
public sealed record HealthReport(string Status, IReadOnlyList<HealthCheck> Checks);
