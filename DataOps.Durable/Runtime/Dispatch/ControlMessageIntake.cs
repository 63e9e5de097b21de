using System.Text.Json;
using Azure;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using DataOps.Durable.Runtime.Storage;

namespace DataOps.Durable.Runtime.Dispatch;

/// <summary>
/// First look at a received message: malformed ones go to the poison queue; ones not yet due (timers, delayed
/// starts) are deferred; ones dequeued more than <c>maxDequeueCount</c> times go to the poison queue and their
/// instance is failed with that reason.
/// </summary>
internal sealed class ControlMessageIntake(
    QueueMaintenance maintenance,
    MessageSender sender,
    LargePayloadStore payloads,
    InstanceStore instances,
    DurableTaskOptions options,
    TimeProvider time,
    DurableMetrics metrics)
{
    public QueueMaintenance Maintenance => maintenance;

    public async Task<ReceivedMessage?> AcceptAsync(QueueClient queue, QueueMessage raw, CancellationToken cancellationToken)
    {
        var message = await DecodeAsync(raw, cancellationToken);
        if (message is null)
        {
            await maintenance.MoveToPoisonAsync(queue, raw, "the message is not a valid task message", cancellationToken);
            return null;
        }

        var now = time.GetUtcNow();
        metrics.QueueLatency(queue.Name, now - (raw.InsertedOn ?? now));
        var received = new ReceivedMessage(queue, raw, message);
        if (message.NotBefore is { } notBefore && notBefore > now.UtcDateTime)
        {
            await maintenance.DeferAsync([received], options.StorageProvider.TimerPollHorizon, cancellationToken);
            return null;
        }

        if (raw.DequeueCount > options.MaxDequeueCount)
        {
            await PoisonAsync(received, cancellationToken);
            return null;
        }

        if (message.Event.Kind == HistoryEventKind.TimerFired)
        {
            metrics.TimerFired();
        }

        return received;
    }

    public async Task<TaskMessage?> DecodeAsync(QueueMessage raw, CancellationToken cancellationToken)
    {
        try
        {
            var text = await payloads.ResolveAsync(raw.Body.ToString(), cancellationToken);
            var message = text is null ? null : MessageCodec.DeserializeMessage(text);
            return message is { InstanceId: not null, Event: not null } ? message : null;
        }
        catch (JsonException)
        {
            return null;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    /// <summary>Moves a message to the poison queue and fails its instance with the reason.</summary>
    public async Task PoisonAsync(ReceivedMessage received, CancellationToken cancellationToken)
    {
        var (queue, raw, message) = received;
        var reason = $"Message {raw.MessageId} ({message.Event.Kind} '{message.Event.Name}') was dequeued {raw.DequeueCount} times, "
            + $"more than maxDequeueCount ({options.MaxDequeueCount}); it was moved to the poison queue.";
        await maintenance.MoveToPoisonAsync(queue, raw, reason, cancellationToken);
        var failure = new TaskFailureDetails("PoisonMessage", reason);
        if (message.Event.Kind is HistoryEventKind.PoisonFailure or HistoryEventKind.ExecutionStarted)
        {
            // The instance cannot run an episode to record the failure: record it on the instance row directly.
            var summary = new InstanceSummary { Status = OrchestrationRuntimeStatus.Failed, Failure = DurableJson.Serialize(failure), CompletedAt = time.GetUtcNow() };
            await instances.ProjectAsync(message.InstanceId, summary with { Name = message.Event.Name }, time.GetUtcNow(), isNewChild: false, cancellationToken);
            return;
        }

        var poison = new HistoryEvent(HistoryEventKind.PoisonFailure) { Failure = failure };
        await sender.SendAsync(
            new OutboundMessage(MessageTarget.Control, new TaskMessage(Guid.NewGuid().ToString("N"), message.InstanceId, message.ExecutionId, poison)),
            cancellationToken);
    }
}
