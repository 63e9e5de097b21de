using Azure;
using Azure.Storage.Queues;
using DataOps.Durable.Runtime.Storage;
using Microsoft.Extensions.Logging;

namespace DataOps.Durable.Runtime.Dispatch;

/// <summary>
/// Polls one owned control-queue partition. Messages are grouped into per-instance sessions: one episode per
/// instance runs at a time, and messages arriving meanwhile are processed together in the next episode. The
/// history of active instances stays cached between episodes (the sentinel ETag proves it is still current).
/// </summary>
internal sealed class ControlQueueListener(
    int partition,
    QueueClient queue,
    EpisodeProcessor processor,
    ControlMessageIntake intake,
    DurableTaskOptions options,
    LocalWakeups wakeups,
    SemaphoreSlim orchestratorSlots,
    WorkerLifetime lifetime,
    ILogger logger)
{
    private const int MaxBacklog = 500;
    private const int MaxCachedHistories = 1000;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, List<ReceivedMessage>> _backlog = new(StringComparer.Ordinal);
    private readonly Dictionary<string, InstanceHistory> _cache = new(StringComparer.Ordinal);
    private readonly List<Task> _sessions = [];
    private volatile bool _draining;
    private int _inFlight;

    public int Partition => partition;

    /// <summary>Receives until <paramref name="stop"/> fires, then lets running episodes finish and abandons the rest.</summary>
    public async Task RunAsync(CancellationToken stop)
    {
        var idle = TimeSpan.FromMilliseconds(10);
        while (!stop.IsCancellationRequested && !lifetime.IsCrashed)
        {
            try
            {
                if (Volatile.Read(ref _inFlight) >= MaxBacklog)
                {
                    await wakeups.WaitPartitionAsync(partition, TimeSpan.FromMilliseconds(20), stop);
                    continue;
                }

                var received = (await queue.ReceiveMessagesAsync(
                    options.StorageProvider.ControlQueueBatchSize, options.StorageProvider.ControlQueueVisibilityTimeout, stop)).Value;
                if (received.Length == 0)
                {
                    await wakeups.WaitPartitionAsync(partition, idle, stop);
                    idle = TimeSpan.FromTicks(Math.Min(idle.Ticks * 2, options.StorageProvider.MaxQueuePollingInterval.Ticks));
                    continue;
                }

                idle = TimeSpan.FromMilliseconds(10);
                foreach (var raw in received)
                {
                    if (await intake.AcceptAsync(queue, raw, lifetime.CrashToken) is { } message)
                    {
                        Enqueue(message);
                    }
                }

                if (received.Length < options.StorageProvider.ControlQueueBatchSize)
                {
                    // The queue is drained: wait for a local wake-up (or a short back-off) instead of an empty poll.
                    await wakeups.WaitPartitionAsync(partition, idle, stop);
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested || lifetime.IsCrashed)
            {
                break;
            }
            catch (RequestFailedException ex)
            {
                logger.LogWarning(ex, "Polling control partition {Partition} failed", partition);
                await Task.Delay(options.StorageProvider.MaxQueuePollingInterval, CancellationToken.None);
            }
        }

        await DrainAsync();
    }

    private async Task DrainAsync()
    {
        _draining = true;
        Task[] sessions;
        lock (_gate)
        {
            sessions = [.. _sessions];
        }

        await Task.WhenAny(Task.WhenAll(sessions), Task.Delay(options.ShutdownTimeout, lifetime.CrashToken)).ContinueWith(static _ => { }, TaskScheduler.Default);
    }

    private void Enqueue(ReceivedMessage message)
    {
        var instanceId = message.Message.InstanceId;
        Interlocked.Increment(ref _inFlight);
        lock (_gate)
        {
            if (_backlog.TryGetValue(instanceId, out var pending))
            {
                pending.Add(message);
                return;
            }

            _backlog[instanceId] = [message];
            var session = Task.Run(() => RunSessionAsync(instanceId));
            _sessions.Add(session);
            _ = session.ContinueWith(t => { lock (_gate) { _sessions.Remove(t); } }, TaskScheduler.Default);
        }
    }

    private async Task RunSessionAsync(string instanceId)
    {
        while (true)
        {
            List<ReceivedMessage> batch;
            InstanceHistory? cached;
            lock (_gate)
            {
                batch = _backlog[instanceId];
                if (batch.Count == 0)
                {
                    _backlog.Remove(instanceId);
                    return;
                }

                _backlog[instanceId] = [];
                _cache.Remove(instanceId, out cached);
            }

            if (_draining || lifetime.IsCrashed)
            {
                if (!lifetime.IsCrashed)
                {
                    await intake.Maintenance.AbandonAsync(batch, TimeSpan.Zero, CancellationToken.None);
                }

                Interlocked.Add(ref _inFlight, -batch.Count);
                continue;
            }

            await orchestratorSlots.WaitAsync(CancellationToken.None);
            InstanceHistory? history;
            try
            {
                history = await processor.ProcessAsync(instanceId, batch, cached);
            }
            finally
            {
                orchestratorSlots.Release();
                Interlocked.Add(ref _inFlight, -batch.Count);
            }

            lock (_gate)
            {
                if (history is not null)
                {
                    if (_cache.Count >= MaxCachedHistories)
                    {
                        _cache.Clear();
                    }

                    _cache[instanceId] = history;
                }
            }
        }
    }
}
