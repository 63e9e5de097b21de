using Azure;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using DataOps.LocalHost.Hosting.Indexing;
using Microsoft.Extensions.Options;

namespace DataOps.LocalHost.Hosting.Queues;

/// <summary>
/// Polls one queue for one function: receives a batch whenever no more than <c>newBatchThreshold</c> messages are
/// in flight, backs off exponentially to <c>maxPollingInterval</c> while the queue is empty, and hands each
/// message to a <see cref="QueueMessageProcessor"/>.
/// </summary>
internal sealed class QueueListener(
    IndexedFunction function,
    QueueTriggerDefinition trigger,
    StorageClients storage,
    QueueMessageProcessor.Factory processors,
    IOptions<QueuesOptions> options,
    TimeProvider time,
    ILogger<QueueListener> logger) : BackgroundService
{
    private bool _created;

    /// <summary>Creates the queues before the host reports started, so producers can send at once; if storage is not up yet, polling retries it.</summary>
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        var service = storage.Queues(trigger.ConnectionName);
        try
        {
            await service.GetQueueClient(trigger.QueueName).CreateIfNotExistsAsync(cancellationToken: cancellationToken);
            await service.GetQueueClient(trigger.QueueName + "-poison").CreateIfNotExistsAsync(cancellationToken: cancellationToken);
            _created = true;
        }
        catch (Exception ex) when (ex is RequestFailedException or HttpRequestException)
        {
            logger.LogWarning(ex, "Creating queue {Queue} for function {Function} failed; will retry", trigger.QueueName, function.Name);
        }

        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        var service = storage.Queues(trigger.ConnectionName);
        var queue = service.GetQueueClient(trigger.QueueName);
        var poison = service.GetQueueClient(trigger.QueueName + "-poison");
        if (!_created)
        {
            await CreateQueuesAsync(queue, poison, settings, stoppingToken);
        }

        var processor = processors(function, queue, poison);
        var threshold = settings.NewBatchThreshold ?? settings.BatchSize / 2;
        var inFlight = new HashSet<Task>();
        var delay = settings.MinPollingInterval;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                inFlight.RemoveWhere(t => t.IsCompleted);
                if (inFlight.Count > threshold)
                {
                    await Task.WhenAny(inFlight);
                    continue;
                }

                var messages = await ReceiveAsync(queue, settings, stoppingToken);
                if (messages.Length == 0)
                {
                    await Task.Delay(delay, time, stoppingToken);
                    delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, settings.MaxPollingInterval.Ticks));
                    continue;
                }

                delay = settings.MinPollingInterval;
                foreach (var message in messages)
                {
                    inFlight.Add(processor.ProcessAsync(message, stoppingToken));
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: in-flight handlers finish (or see their cancelled token) below.
        }

        await Task.WhenAll(inFlight);
    }

    private async Task<QueueMessage[]> ReceiveAsync(QueueClient queue, QueuesOptions settings, CancellationToken cancellationToken)
    {
        try
        {
            return (await queue.ReceiveMessagesAsync(settings.BatchSize, settings.MessageLeaseDuration, cancellationToken)).Value;
        }
        catch (Exception ex) when (ex is RequestFailedException or HttpRequestException)
        {
            logger.LogWarning(ex, "Polling queue {Queue} for function {Function} failed; will retry", trigger.QueueName, function.Name);
            return [];
        }
    }

    /// <summary>Creates the queue and its poison queue, retrying while storage is unreachable so a late Azurite does not kill the host.</summary>
    private async Task CreateQueuesAsync(QueueClient queue, QueueClient poison, QueuesOptions settings, CancellationToken cancellationToken)
    {
        var delay = settings.MinPollingInterval;
        while (true)
        {
            try
            {
                await queue.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
                await poison.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
                return;
            }
            catch (Exception ex) when (ex is RequestFailedException or HttpRequestException)
            {
                logger.LogWarning(ex, "Creating queue {Queue} for function {Function} failed; will retry", trigger.QueueName, function.Name);
                await Task.Delay(delay, time, cancellationToken);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, settings.MaxPollingInterval.Ticks));
            }
        }
    }
}
