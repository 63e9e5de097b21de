namespace DataOps.Functions.Watch;

/// <summary>
/// Sweep READY datasets for unhealthy connectors, in batches, after repairing the datasets no workflow has moved for at
/// least <paramref name="StallAge"/>.
/// </summary>
internal sealed record HealthSweepInput(int BatchSize, TimeSpan StallAge);
