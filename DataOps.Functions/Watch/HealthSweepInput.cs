namespace DataOps.Functions.Watch;

/// <summary>
/// Sweep READY datasets for unhealthy connectors after repairing the datasets no workflow has moved for at least
/// <paramref name="StallAge"/>: repairs go <paramref name="BatchSize"/> at a time, probes <paramref name="ProbeBatchSize"/>
/// datasets to an activity (0, as in inputs written before it existed, means <see cref="DefaultProbeBatchSize"/>). A pass
/// whose probes take <paramref name="Interval"/> or longer (the schedule's period; zero: never) starts the next pass at
/// once instead of waiting for the timer, so a large estate is swept back to back; <paramref name="PreviousPass"/> is
/// the pass before it, shown in the sweep's status.
/// </summary>
internal sealed record HealthSweepInput(int BatchSize, TimeSpan StallAge, int ProbeBatchSize = HealthSweepInput.DefaultProbeBatchSize, TimeSpan Interval = default, SweepCoverage? PreviousPass = null)
{
    /// <summary>Datasets probed by one activity unless configured otherwise.</summary>
    public const int DefaultProbeBatchSize = 100;
}
