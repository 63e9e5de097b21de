namespace DataOps.Functions.Operations;

/// <summary>The outcome of one health check.</summary>
internal sealed record HealthCheck(string Name, bool Healthy, string Detail, double ElapsedMs);
