namespace DataOps.Durable.Hosting;

/// <summary>Metadata of the queue message that triggered an invocation.</summary>
public sealed record QueueMessageInfo
{
    /// <summary>The message id.</summary>
    public required string Id { get; init; }

    /// <summary>How many times the message has been dequeued, this time included.</summary>
    public required long DequeueCount { get; init; }

    /// <summary>When the message was inserted.</summary>
    public DateTimeOffset? InsertionTime { get; init; }

    /// <summary>When the message expires.</summary>
    public DateTimeOffset? ExpirationTime { get; init; }

    /// <summary>When the message becomes visible again unless renewed or deleted.</summary>
    public DateTimeOffset? NextVisibleTime { get; init; }

    /// <summary>The pop receipt of this dequeue.</summary>
    public required string PopReceipt { get; init; }

    /// <summary>The message text after decoding (base64 or none, per <c>extensions.queues.messageEncoding</c>).</summary>
    public required string MessageText { get; init; }
}
