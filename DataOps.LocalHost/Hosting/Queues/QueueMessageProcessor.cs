using Azure;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using DataOps.LocalHost.Hosting.Indexing;
using DataOps.LocalHost.Hosting.Invocation;
using Microsoft.Extensions.Options;

namespace DataOps.LocalHost.Hosting.Queues;

/// <summary>
/// Runs the function for one message: decode, bind (malformed messages go straight to poison), keep the message
/// invisible while the handler runs, then delete it, release it for a retry, or after <c>maxDequeueCount</c>
/// failures move its original text to <c>{queue}-poison</c>.
/// </summary>
internal sealed class QueueMessageProcessor(
    IndexedFunction function,
    QueueClient queue,
    QueueClient poison,
    IServiceProvider services,
    IOptions<QueuesOptions> options,
    TimeProvider time,
    ILogger<QueueMessageProcessor> logger)
{
    public delegate QueueMessageProcessor Factory(IndexedFunction function, QueueClient queue, QueueClient poison);

    public async Task ProcessAsync(QueueMessage message, CancellationToken stoppingToken)
    {
        var settings = options.Value;
        await using var lease = new MessageLease(queue, message, settings.MessageLeaseDuration, time, logger);
        try
        {
            await RunAsync(message, lease, settings, stoppingToken);
        }
        catch (Exception ex) when (ex is RequestFailedException or HttpRequestException)
        {
            // The message reappears when its visibility runs out and is retried then.
            logger.LogWarning(ex, "Settling message {MessageId} of queue {Queue} failed", message.MessageId, queue.Name);
        }
    }

    private async Task RunAsync(QueueMessage message, MessageLease lease, QueuesOptions settings, CancellationToken stoppingToken)
    {
        if (message.DequeueCount > settings.MaxDequeueCount)
        {
            // Received more often than allowed without ever settling (hosts died mid-run): do not run it again.
            await PoisonAsync(message, lease, $"it was dequeued {message.DequeueCount} times without completing");
            return;
        }

        if (!QueueMessageDecoder.TryDecode(message.MessageText, settings.MessageEncoding, out var text, out var decodeError))
        {
            await PoisonAsync(message, lease, decodeError);
            return;
        }

        // The function sees the message as the worker gives it: its text decoded.
        var received = QueuesModelFactory.QueueMessage(
            message.MessageId, message.PopReceipt, text, message.DequeueCount, message.NextVisibleOn, message.InsertedOn, message.ExpiresOn);
        await using var scope = new InvocationScope(services, function, stoppingToken);
        scope.Context.SetBindingData(new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase)
        {
            ["QueueTrigger"] = text,
            ["DequeueCount"] = message.DequeueCount,
            ["Id"] = message.MessageId,
            ["PopReceipt"] = message.PopReceipt,
            ["InsertionTime"] = message.InsertedOn,
            ["ExpirationTime"] = message.ExpiresOn,
            ["NextVisibleTime"] = message.NextVisibleOn,
        });
        var data = new InvocationData(scope.Context) { QueueMessage = received };
        object?[] arguments;
        try
        {
            arguments = FunctionInvoker.BindArguments(function, data);
        }
        catch (ParameterBindingException ex)
        {
            await PoisonAsync(message, lease, ex.Message);
            return;
        }

        try
        {
            await FunctionInvoker.InvokeAsync(function, data, arguments);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down is not the message's fault: make it visible again for another host at once.
            await lease.StopAsync();
            await queue.UpdateMessageAsync(message.MessageId, lease.PopReceipt, (string?)null, TimeSpan.Zero, CancellationToken.None);
            return;
        }
        catch (FormatException ex)
        {
            // The function read the message and found it malformed: it can never succeed, and retrying would only
            // delay the poison queue.
            await lease.StopAsync();
            await PoisonAsync(message, lease, ex.Message);
            return;
        }
        catch (Exception ex)
        {
            await lease.StopAsync();
            var reason = scope.TimedOut ? "it exceeded functionTimeout" : $"{ex.GetType().Name}: {ex.Message}";
            logger.LogError(ex, "Function {Function} failed on message {MessageId} (attempt {Attempt} of {MaxAttempts})",
                function.Name, message.MessageId, message.DequeueCount, settings.MaxDequeueCount);
            if (message.DequeueCount >= settings.MaxDequeueCount)
            {
                await PoisonAsync(message, lease, $"it failed {message.DequeueCount} times; last error: {reason}");
            }
            else
            {
                await queue.UpdateMessageAsync(message.MessageId, lease.PopReceipt, (string?)null, settings.VisibilityTimeout, CancellationToken.None);
            }

            return;
        }

        await lease.StopAsync();
        await queue.DeleteMessageAsync(message.MessageId, lease.PopReceipt, CancellationToken.None);
    }

    /// <summary>Copies the message exactly as received to the poison queue, then deletes it, so the queue never blocks on it.</summary>
    private async Task PoisonAsync(QueueMessage message, MessageLease lease, string? reason)
    {
        await lease.StopAsync();
        await poison.SendMessageAsync(message.MessageText, cancellationToken: CancellationToken.None);
        await queue.DeleteMessageAsync(message.MessageId, lease.PopReceipt, CancellationToken.None);
        logger.LogError("Message {MessageId} of queue {Queue} moved to {PoisonQueue} for function {Function}: {Reason}",
            message.MessageId, queue.Name, poison.Name, function.Name, reason);
    }
}
