using System.Globalization;
using System.Xml.Linq;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Storage.Queues;

namespace DataOps.LocalHost.WebJobs;

/// <summary>
/// Bounds redelivery of task hub queue messages. The Azure Storage provider abandons a message it cannot process
/// (e.g. one it cannot deserialize) with a back-off of at most 10 minutes and retries it for ever, only logging it as
/// poison, and the Durable extension adds no bound of its own. This policy sits in the pipeline of the queue clients the
/// extension creates (see <see cref="TaskHubStorageClients"/>): when a dequeue from one of the task hub's queues
/// (<paramref name="isTaskHubQueue"/>) returns a message delivered more than <c>maxDequeueCount</c> times, it copies the
/// message to the poison queue, deletes it from its queue and hides it from the provider, so it is never retried again.
/// </summary>
internal sealed partial class TaskHubPoisonPolicy(
    Func<string, bool> isTaskHubQueue, Func<QueueClient> poisonQueue, Func<string, QueueClient> sourceQueue, int maxDequeueCount, ILogger logger) : HttpPipelinePolicy
{
    /// <inheritdoc />
    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
        ProcessAsync(message, pipeline, async: false).AsTask().GetAwaiter().GetResult();

    /// <inheritdoc />
    public override ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
        ProcessAsync(message, pipeline, async: true);

    private async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline, bool async)
    {
        if (async)
        {
            await ProcessNextAsync(message, pipeline).ConfigureAwait(false);
        }
        else
        {
            ProcessNext(message, pipeline);
        }

        if (!IsDequeue(message.Request) || message.Response.Status != 200 || message.Response.ContentStream is null)
        {
            return;
        }

        var queueName = message.Request.Uri.Path.Trim('/').Split('/')[^2];
        if (!isTaskHubQueue(queueName))
        {
            return;
        }

        var document = XDocument.Load(message.Response.ContentStream);
        var poison = document.Root?.Elements("QueueMessage")
            .Where(m => int.TryParse(m.Element("DequeueCount")?.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var count) && count > maxDequeueCount)
            .ToList() ?? [];
        var target = poisonQueue();
        if (poison.Count > 0)
        {
            await target.CreateIfNotExistsAsync().ConfigureAwait(false);
        }

        foreach (var element in poison)
        {
            // Copy first, then delete: a crash in between leaves a duplicate in the poison queue, never a lost message.
            await target.SendMessageAsync(element.Element("MessageText")?.Value ?? string.Empty).ConfigureAwait(false);
            var messageId = element.Element("MessageId")?.Value;
            await sourceQueue(queueName).DeleteMessageAsync(messageId, element.Element("PopReceipt")?.Value).ConfigureAwait(false);
            element.Remove();
            LogMovedToPoison(logger, messageId, queueName, element.Element("DequeueCount")?.Value, target.Name);
        }

        var body = new MemoryStream();
        document.Save(body, SaveOptions.DisableFormatting);
        body.Position = 0;
        message.Response.ContentStream = body;
    }

    // A dequeue is GET {queue}/messages without peekonly; a peek does not deliver the message.
    private static bool IsDequeue(Request request) =>
        request.Method == RequestMethod.Get
        && request.Uri.Path.TrimEnd('/').EndsWith("/messages", StringComparison.Ordinal)
        && !request.Uri.Query.Contains("peekonly=true", StringComparison.OrdinalIgnoreCase);

    [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "Message {MessageId} of queue {Queue} was delivered {DequeueCount} times without being completed; moved to {PoisonQueue}")]
    private static partial void LogMovedToPoison(ILogger logger, string? messageId, string queue, string? dequeueCount, string poisonQueue);
}
