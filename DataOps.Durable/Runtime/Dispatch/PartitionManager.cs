using Azure;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using DataOps.Durable.Runtime.Storage;
using Microsoft.Extensions.Logging;

namespace DataOps.Durable.Runtime.Dispatch;

/// <summary>
/// Owns control-queue partitions through blob leases (<c>{hub}-leases/partitions/control-NN</c>). Every renew
/// interval a worker writes a heartbeat blob (<c>workers/{id}</c>), counts the workers whose heartbeat is recent
/// (by the storage service's own Last-Modified times, so no clock skew between hosts matters), renews its
/// leases, gives back partitions above its share (after draining them) and acquires free ones below it. The
/// share is computed identically by every worker: P / N each, one more for the first P % N worker names.
/// A dead worker's partitions become free when its leases expire.
/// </summary>
internal sealed class PartitionManager(
    TaskHubStorage hub,
    Func<int, ControlQueueListener> listenerFactory,
    DurableTaskOptions options,
    WorkerLifetime lifetime,
    ILogger<PartitionManager> logger)
{
    private readonly Dictionary<int, OwnedPartition> _owned = [];
    private readonly string _workerId = options.WorkerId ?? $"{Environment.MachineName}-{Guid.NewGuid():N}";
    private readonly string _leaseId = Guid.NewGuid().ToString();

    public IReadOnlyCollection<int> OwnedPartitions
    {
        get
        {
            lock (_owned)
            {
                return [.. _owned.Keys];
            }
        }
    }

    public string WorkerId => _workerId;

    public async Task RunAsync(CancellationToken stop)
    {
        var leaseBlobs = false;
        while (!stop.IsCancellationRequested && !lifetime.IsCrashed)
        {
            try
            {
                if (!leaseBlobs)
                {
                    await EnsureLeaseBlobsAsync();
                    leaseBlobs = true;
                }

                await BalanceAsync(stop);
            }
            catch (Exception ex) when (ex is RequestFailedException or HttpRequestException && !lifetime.IsCrashed)
            {
                logger.LogWarning(ex, "Partition balancing failed; retrying");
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested || lifetime.IsCrashed)
            {
                break;
            }

            try
            {
                await Task.Delay(options.StorageProvider.LeaseRenewInterval, stop).WaitAsync(lifetime.CrashToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        if (lifetime.IsCrashed)
        {
            return;
        }

        await Task.WhenAll(OwnedPartitions.Select(ReleaseAsync));
        try
        {
            await hub.Leases.GetBlobClient($"workers/{_workerId}").DeleteIfExistsAsync(cancellationToken: CancellationToken.None);
        }
        catch (RequestFailedException ex)
        {
            // Storage unreachable while stopping: the heartbeat goes stale and the others stop counting this worker.
            if (logger.IsEnabled(LogLevel.Debug))
            {
                logger.LogDebug(ex, "Removing the heartbeat of worker {Worker} failed", _workerId);
            }
        }
    }

    private async Task BalanceAsync(CancellationToken stop)
    {
        var heartbeat = hub.Leases.GetBlobClient($"workers/{_workerId}");
        await heartbeat.UploadAsync(BinaryData.FromString(_workerId), overwrite: true, stop);
        var workers = new List<BlobItem>();
        await foreach (var item in hub.Leases.GetBlobsAsync(new GetBlobsOptions { Prefix = "workers/" }, stop))
        {
            workers.Add(item);
        }

        var mine = workers.Find(w => w.Name == heartbeat.Name)?.Properties.LastModified ?? DateTimeOffset.MaxValue;
        var window = TimeSpan.FromTicks(Math.Max(options.StorageProvider.LeaseRenewInterval.Ticks * 3, TimeSpan.FromSeconds(3).Ticks));
        var live = workers.Where(w => w.Properties.LastModified >= mine - window).Select(w => w.Name).Append(heartbeat.Name)
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        // Everyone computes the same split: P / N each, and the first P % N workers by name take one more.
        var target = (hub.PartitionCount / live.Count) + (live.IndexOf(heartbeat.Name) < hub.PartitionCount % live.Count ? 1 : 0);

        foreach (var partition in OwnedPartitions)
        {
            try
            {
                await LeaseOf(partition).RenewAsync(cancellationToken: stop);
            }
            catch (RequestFailedException ex)
            {
                logger.LogWarning(ex, "Lost the lease of partition {Partition}", partition);
                await StopListeningAsync(partition, wait: false);
            }
        }

        foreach (var partition in OwnedPartitions.OrderDescending().Take(Math.Max(0, OwnedPartitions.Count - target)))
        {
            await ReleaseAsync(partition);
        }

        var offset = Math.Abs(_workerId.GetHashCode(StringComparison.Ordinal)) % hub.PartitionCount;
        for (var i = 0; i < hub.PartitionCount && OwnedPartitions.Count < target; i++)
        {
            var partition = (offset + i) % hub.PartitionCount;
            if (OwnedPartitions.Contains(partition))
            {
                continue;
            }

            try
            {
                await LeaseOf(partition).AcquireAsync(options.StorageProvider.LeaseDuration, cancellationToken: stop);
            }
            catch (RequestFailedException ex) when (ex.Status == 409)
            {
                continue;
            }

            StartListening(partition);
        }
    }

    private BlobLeaseClient LeaseOf(int partition) =>
        hub.Leases.GetBlobClient($"partitions/control-{partition:D2}").GetBlobLeaseClient(_leaseId);

    private void StartListening(int partition)
    {
        if (logger.IsEnabled(LogLevel.Information))
        {
            logger.LogInformation("Worker {Worker} acquired partition {Partition}", _workerId, partition);
        }

        var stop = new CancellationTokenSource();
        var listener = listenerFactory(partition);
        var run = Task.Run(() => listener.RunAsync(stop.Token), CancellationToken.None);
        lock (_owned)
        {
            _owned[partition] = new OwnedPartition(stop, run);
        }
    }

    private async Task StopListeningAsync(int partition, bool wait)
    {
        OwnedPartition? owned;
        lock (_owned)
        {
            _owned.Remove(partition, out owned);
        }

        if (owned is null)
        {
            return;
        }

        await owned.Stop.CancelAsync();
        if (wait)
        {
            await owned.Run;
        }

        owned.Stop.Dispose();
    }

    private async Task ReleaseAsync(int partition)
    {
        await StopListeningAsync(partition, wait: true);
        try
        {
            await LeaseOf(partition).ReleaseAsync(cancellationToken: CancellationToken.None);
        }
        catch (RequestFailedException ex)
        {
            if (logger.IsEnabled(LogLevel.Debug))
            {
                logger.LogDebug(ex, "Releasing partition {Partition} failed; the lease will expire", partition);
            }
        }
    }

    private async Task EnsureLeaseBlobsAsync()
    {
        await Task.WhenAll(Enumerable.Range(0, hub.PartitionCount).Select(async p =>
        {
            try
            {
                await hub.Leases.GetBlobClient($"partitions/control-{p:D2}").UploadAsync(BinaryData.FromString(string.Empty), overwrite: false);
            }
            catch (RequestFailedException ex) when (ex.Status is 409 or 412)
            {
                // Created by another worker (or leased right now): fine.
            }
        }));
    }

    private sealed record OwnedPartition(CancellationTokenSource Stop, Task Run);
}
