namespace DataOps.Functions.Operations;

/// <summary>The body of <c>GET /api/health</c>.</summary>
public sealed record HealthReport(string Status, IReadOnlyList<HealthCheck> Checks);
