namespace DataOps.Benchmarks.Storage;

/// <summary>
/// One measurement of the storage ceiling: <see cref="Run"/> called <see cref="Count"/> times with
/// <see cref="InFlight"/> workers, after <see cref="Prepare"/> (not timed) when there is one.
/// </summary>
internal sealed record CeilingStep(string Operation, int InFlight, int Count, Func<int, Task> Run, Func<Task>? Prepare = null)
{
    /// <summary>Runs the step (without <see cref="Prepare"/>), counting round trips with <paramref name="counter"/>.</summary>
    public Task<RoundTripMeasurement> MeasureAsync(StorageRequestCounter counter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(counter);
        return RoundTripMeasurement.RunAsync(Operation, InFlight, Count, Run, () => counter.Count, cancellationToken);
    }
}
