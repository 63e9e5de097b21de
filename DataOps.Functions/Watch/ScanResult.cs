using DataOps.Domain.Datasets;

namespace DataOps.Functions.Watch;

/// <summary>
/// Datasets a scan or sweep acted on; for the health sweep also the stalled datasets it repaired and how far its probes
/// reached (<see cref="SweepCoverage"/>).
/// </summary>
public sealed record ScanResult(int Examined, IReadOnlyList<DatasetId> DatasetIds, IReadOnlyList<StalledDataset>? Repaired = null, SweepCoverage? Coverage = null);

/// <summary>
/// How far one health sweep's probes reached: of <paramref name="Ready"/> READY datasets listed, how many got a verdict,
/// were no longer READY when their turn came, or could not be probed; and when the probes started and ended (orchestration
/// time), so an operator sees the rate the sweep achieved and how long a full pass over the estate takes.
/// </summary>
public sealed record SweepCoverage(int Ready, int Probed, int Skipped, int Unprobed, DateTime ProbesStartedAt, DateTime ProbesCompletedAt)
{
    /// <summary>How long the probes took.</summary>
    public TimeSpan Duration => ProbesCompletedAt - ProbesStartedAt;

    /// <summary>Probes with a verdict per second over the pass; null when it took no time.</summary>
    public double? ProbesPerSecond => Duration > TimeSpan.Zero ? Math.Round(Probed / Duration.TotalSeconds, 2) : null;
}
