using Azure;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using DataOps.Durable.Runtime.Storage;
using Microsoft.Extensions.Logging;

namespace DataOps.Durable.Runtime.Dispatch;

/// <summary>Delete, defer, abandon and poison operations on received messages.</summary>
internal sealed class QueueMaintenance(TaskHubStorage hub, MessageSender sender, DurableMetrics metrics, ILogger<QueueMaintenance> logger)
{
    public static Task DeleteAsync(IEnumerable<ReceivedMessage> messages, CancellationToken cancellationToken) =>
        Task.WhenAll(messages.Select(m => DeleteAsync(m.Queue, m.Raw, cancellationToken)));

    public static async Task DeleteAsync(QueueClient queue, QueueMessage raw, CancellationToken cancellationToken)
    {
        try
        {
            await queue.DeleteMessageAsync(raw.MessageId, raw.PopReceipt, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // Already deleted, or the receipt expired and someone else received it: they will see a duplicate.
        }
    }

    /// <summary>Re-sends a copy that becomes visible after <paramref name="delay"/> (or when due), then deletes the original; the copy starts with a dequeue count of zero.</summary>
    public Task DeferAsync(IEnumerable<ReceivedMessage> messages, TimeSpan delay, CancellationToken cancellationToken) =>
        Task.WhenAll(messages.Select(async m =>
        {
            var visibility = sender.VisibilityDelay(m.Message) ?? delay;
            var text = MessageCodec.Serialize(m.Message);
            await sender.SendRawAsync(m.Queue, text, m.Message.InstanceId, visibility, cancellationToken);
            await DeleteAsync(m.Queue, m.Raw, cancellationToken);
        }));

    /// <summary>Makes messages visible again after <paramref name="delay"/> so they are retried (their dequeue count grows).</summary>
    public Task AbandonAsync(IEnumerable<ReceivedMessage> messages, TimeSpan delay, CancellationToken cancellationToken) =>
        Task.WhenAll(messages.Select(m => AbandonAsync(m.Queue, m.Raw, delay, cancellationToken)));

    public async Task AbandonAsync(QueueClient queue, QueueMessage raw, TimeSpan delay, CancellationToken cancellationToken)
    {
        try
        {
            await queue.UpdateMessageAsync(raw.MessageId, raw.PopReceipt, messageText: null, visibilityTimeout: delay, cancellationToken: cancellationToken);
        }
        catch (RequestFailedException ex)
        {
            if (logger.IsEnabled(LogLevel.Debug))
            {
                logger.LogDebug(ex, "Could not abandon message {MessageId}; it reappears when its visibility timeout ends", raw.MessageId);
            }
        }
    }

    /// <summary>Moves a message to the poison queue with its original text.</summary>
    public async Task MoveToPoisonAsync(QueueClient queue, QueueMessage raw, string reason, CancellationToken cancellationToken)
    {
        if (logger.IsEnabled(LogLevel.Error))
        {
            logger.LogError("Message {MessageId} from {Queue} moved to {Poison}: {Reason}", raw.MessageId, queue.Name, hub.Poison.Name, reason);
        }

        await hub.Poison.SendMessageAsync(raw.Body.ToString(), timeToLive: MessageSender.NeverExpires, cancellationToken: cancellationToken);
        await DeleteAsync(queue, raw, cancellationToken);
        metrics.Poisoned(queue.Name);
    }
}
