namespace DataOps.Functions.Operations;

/// <summary>The body of <c>GET /api/health</c>.</summary>
internal sealed record HealthReport(string Status, IReadOnlyList<HealthCheck> Checks);
