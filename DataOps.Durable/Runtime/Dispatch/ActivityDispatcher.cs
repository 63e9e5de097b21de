using Azure;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using DataOps.Durable.Runtime.Storage;
using Microsoft.Extensions.Logging;

namespace DataOps.Durable.Runtime.Dispatch;

/// <summary>
/// Competing consumer of the work-item queue. Each activity runs at most <c>maxConcurrentActivityFunctions</c> at
/// a time; its message stays invisible while it runs (renewed), its result goes to the instance's control queue,
/// and only then is the work item deleted (so an activity runs at least once).
/// </summary>
internal sealed class ActivityDispatcher(
    TaskHubStorage hub,
    ActivityRunner runner,
    ControlMessageIntake intake,
    MessageSender sender,
    DurableTaskOptions options,
    LocalWakeups wakeups,
    WorkerLifetime lifetime,
    ILogger<ActivityDispatcher> logger,
    IDurableFaultInjector? faults = null) : IDisposable
{
    private readonly SemaphoreSlim _slots = new(options.MaxConcurrentActivityFunctions);
    private readonly List<Task> _running = [];

    // Work items this worker has run or is running, by task message id. An episode replayed after a crash re-sends
    // its work items; a copy of one already handled here is deleted instead of run again.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, byte> _handled = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public async Task RunAsync(CancellationToken stop, CancellationToken abort)
    {
        var idle = TimeSpan.FromMilliseconds(10);
        while (!stop.IsCancellationRequested && !lifetime.IsCrashed)
        {
            try
            {
                await _slots.WaitAsync(stop);
                var free = Math.Min(32, _slots.CurrentCount + 1);
                QueueMessage[] received;
                try
                {
                    received = (await hub.WorkItems.ReceiveMessagesAsync(free, options.StorageProvider.WorkItemQueueVisibilityTimeout, stop)).Value;
                }
                finally
                {
                    _slots.Release();
                }

                if (received.Length == 0)
                {
                    await wakeups.WaitActivitiesAsync(idle, stop);
                    idle = TimeSpan.FromTicks(Math.Min(idle.Ticks * 2, options.StorageProvider.MaxQueuePollingInterval.Ticks));
                    continue;
                }

                idle = TimeSpan.FromMilliseconds(10);
                foreach (var raw in received)
                {
                    await _slots.WaitAsync(CancellationToken.None);
                    Track(Task.Run(() => ProcessAsync(raw, abort), CancellationToken.None));
                }

                if (received.Length < free)
                {
                    // The queue is drained: wait for a local wake-up (or a short back-off) instead of an empty poll.
                    await wakeups.WaitActivitiesAsync(idle, stop);
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested || lifetime.IsCrashed)
            {
                break;
            }
            catch (RequestFailedException ex)
            {
                logger.LogWarning(ex, "Polling the work-item queue failed");
                await Task.Delay(options.StorageProvider.MaxQueuePollingInterval, CancellationToken.None);
            }
        }

        Task[] running;
        lock (_gate)
        {
            running = [.. _running];
        }

        await Task.WhenAll(running);
    }

    public void Dispose() => _slots.Dispose();

    private void Track(Task task)
    {
        lock (_gate)
        {
            _running.Add(task);
        }

        _ = task.ContinueWith(t => { lock (_gate) { _running.Remove(t); } _slots.Release(); }, TaskScheduler.Default);
    }

    private async Task ProcessAsync(QueueMessage raw, CancellationToken abort)
    {
        var queue = hub.WorkItems;
        var receipt = raw;
        using var renewal = CancellationTokenSource.CreateLinkedTokenSource(lifetime.CrashToken);
        string? handledId = null;
        try
        {
            var message = await intake.DecodeAsync(raw, lifetime.CrashToken);
            if (message is null || message.Event.Kind != HistoryEventKind.TaskScheduled)
            {
                await intake.Maintenance.MoveToPoisonAsync(queue, raw, "the message is not a valid activity work item", lifetime.CrashToken);
                return;
            }

            if (raw.DequeueCount > options.MaxDequeueCount)
            {
                await intake.PoisonAsync(new ReceivedMessage(queue, raw, message), lifetime.CrashToken);
                return;
            }

            if (!_handled.TryAdd(message.Id, 0))
            {
                await QueueMaintenance.DeleteAsync(queue, raw, lifetime.CrashToken);
                return;
            }

            handledId = message.Id;

            if (_handled.Count > 100_000)
            {
                _handled.Clear();
            }

            var renewing = RenewAsync(queue, () => receipt, r => receipt = r, renewal.Token);
            if (faults is not null)
            {
                await faults.OnAsync(FaultPoint.BeforeActivity, message.InstanceId, message.Event.Name, lifetime.CrashToken);
            }

            using var linked = CancellationTokenSource.CreateLinkedTokenSource(abort, lifetime.CrashToken);
            linked.Token.ThrowIfCancellationRequested();
            var result = await runner.RunAsync(message, linked.Token);
            await renewal.CancelAsync();
            await renewing;
            await sender.SendAsync(new OutboundMessage(MessageTarget.Control,
                new TaskMessage($"{message.Id}:result", message.InstanceId, message.ExecutionId, result)), lifetime.CrashToken);
            // Off the critical path: the result is sent, so a lost delete only runs the activity again (at least once).
            _ = QueueMaintenance.DeleteAsync(queue, receipt, lifetime.CrashToken).ContinueWith(
                static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
        }
        catch (Exception) when (lifetime.IsCrashed)
        {
            // Simulated process death: the work item reappears when its visibility timeout ends.
        }
        catch (Exception ex)
        {
            if (handledId is not null)
            {
                _handled.TryRemove(handledId, out _);
            }

            await renewal.CancelAsync();
            if (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Activity delivery failed; the work item is retried");
            }

            await intake.Maintenance.AbandonAsync(queue, receipt, ex is OperationCanceledException ? TimeSpan.Zero : TimeSpan.FromSeconds(1), CancellationToken.None);
        }
    }

    private async Task RenewAsync(QueueClient queue, Func<QueueMessage> current, Action<QueueMessage> update, CancellationToken cancellationToken)
    {
        var visibility = options.StorageProvider.WorkItemQueueVisibilityTimeout;
        try
        {
            while (true)
            {
                await Task.Delay(visibility / 2, cancellationToken);
                var message = current();
                var updated = await queue.UpdateMessageAsync(
                    message.MessageId, message.PopReceipt, messageText: null, visibilityTimeout: visibility, cancellationToken: cancellationToken);
                update(message.Update(updated.Value));
            }
        }
        catch (OperationCanceledException)
        {
            // The activity finished.
        }
        catch (RequestFailedException ex)
        {
            logger.LogWarning(ex, "Could not extend the visibility of a running activity; it may run again elsewhere");
        }
    }
}
