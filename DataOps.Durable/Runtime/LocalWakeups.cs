namespace DataOps.Durable.Runtime;

/// <summary>
/// In-process shortcuts: when this process sends a message to a queue it also polls, the poller is woken at once
/// instead of waiting out its back-off. Other processes still find the message by polling.
/// </summary>
internal sealed class LocalWakeups : IDisposable
{
    private readonly SemaphoreSlim _activities = new(0, 1);
    private readonly SemaphoreSlim[] _partitions;

    public LocalWakeups(DurableTaskOptions options) =>
        _partitions = [.. Enumerable.Range(0, options.StorageProvider.PartitionCount).Select(_ => new SemaphoreSlim(0, 1))];

    public void WakeActivities() => Release(_activities);

    public void WakePartition(int partition) => Release(_partitions[partition]);

    public Task<bool> WaitActivitiesAsync(TimeSpan timeout, CancellationToken cancellationToken) =>
        _activities.WaitAsync(timeout, cancellationToken);

    public Task<bool> WaitPartitionAsync(int partition, TimeSpan timeout, CancellationToken cancellationToken) =>
        _partitions[partition].WaitAsync(timeout, cancellationToken);

    public void Dispose()
    {
        _activities.Dispose();
        foreach (var partition in _partitions)
        {
            partition.Dispose();
        }
    }

    private static void Release(SemaphoreSlim signal)
    {
        try
        {
            signal.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already signalled; one wake-up is enough.
        }
    }
}
