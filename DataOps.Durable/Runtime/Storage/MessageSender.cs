using Azure.Storage.Queues;

namespace DataOps.Durable.Runtime.Storage;

/// <summary>
/// Sends task messages. A message with a <see cref="TaskMessage.NotBefore"/> time is sent with a visibility delay
/// of the remaining time by the <see cref="TimeProvider"/>, capped at the timer poll horizon (at most 6 days);
/// when it shows up early the receiver defers it again.
/// </summary>
internal sealed class MessageSender(
    TaskHubStorage hub, LargePayloadStore payloads, DurableTaskOptions options, TimeProvider time, LocalWakeups wakeups)
{
    /// <summary>The queue time-to-live meaning "never expires": a message waits for its worker however long it is down.</summary>
    public static readonly TimeSpan NeverExpires = TimeSpan.FromSeconds(-1);

    public async Task SendAsync(OutboundMessage outbound, CancellationToken cancellationToken)
    {
        var message = outbound.Message;
        var queue = outbound.Target == MessageTarget.WorkItem ? hub.WorkItems : hub.ControlQueueOf(message.InstanceId);
        await SendAsync(queue, message, cancellationToken);
        if (outbound.Target == MessageTarget.WorkItem)
        {
            wakeups.WakeActivities();
        }
        else if (message.NotBefore is null)
        {
            wakeups.WakePartition(hub.PartitionOf(message.InstanceId));
        }
    }

    public Task SendAsync(QueueClient queue, TaskMessage message, CancellationToken cancellationToken) =>
        SendRawAsync(queue, MessageCodec.Serialize(message), message.InstanceId, VisibilityDelay(message), cancellationToken);

    public async Task SendRawAsync(QueueClient queue, string text, string instanceId, TimeSpan? visibility, CancellationToken cancellationToken)
    {
        var body = await payloads.OffloadAsync(text, instanceId, cancellationToken);
        await queue.SendMessageAsync(body!, visibility, NeverExpires, cancellationToken);
    }

    public TimeSpan? VisibilityDelay(TaskMessage message)
    {
        if (message.NotBefore is not { } notBefore)
        {
            return null;
        }

        var remaining = new DateTimeOffset(notBefore, TimeSpan.Zero) - time.GetUtcNow();
        if (remaining <= TimeSpan.Zero)
        {
            return null;
        }

        return remaining < options.StorageProvider.TimerPollHorizon ? remaining : options.StorageProvider.TimerPollHorizon;
    }
}
