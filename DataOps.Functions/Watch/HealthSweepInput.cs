namespace DataOps.Functions.Watch;

/// <summary>
/// Sweep READY datasets for unhealthy connectors after repairing the datasets no workflow has moved for at least
/// <paramref name="StallAge"/>: repairs go <paramref name="BatchSize"/> at a time, probes <paramref name="ProbeBatchSize"/>
/// datasets to an activity (0, as in inputs written before it existed, means <see cref="DefaultProbeBatchSize"/>).
/// </summary>
internal sealed record HealthSweepInput(int BatchSize, TimeSpan StallAge, int ProbeBatchSize = HealthSweepInput.DefaultProbeBatchSize)
{
    /// <summary>Datasets probed by one activity unless configured otherwise.</summary>
    public const int DefaultProbeBatchSize = 100;
}
