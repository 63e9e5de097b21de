namespace DataOps.Storage.Queues;

/// <summary>A received message; it stays invisible to others until <see cref="NextVisibleOn"/>.</summary>
/// <param name="MessageId">The message id.</param>
/// <param name="PopReceipt">Needed to delete or update the message.</param>
/// <param name="MessageText">The message text exactly as sent.</param>
/// <param name="DequeueCount">How many times the message has been received (1 the first time).</param>
/// <param name="InsertedOn">When the message was enqueued.</param>
/// <param name="ExpiresOn">When the message expires.</param>
/// <param name="NextVisibleOn">When the message becomes visible again unless deleted or updated.</param>
public sealed record QueueMessage(
    string MessageId,
    string PopReceipt,
    string MessageText,
    long DequeueCount,
    DateTimeOffset InsertedOn,
    DateTimeOffset ExpiresOn,
    DateTimeOffset NextVisibleOn)
{
    /// <summary>The message text as UTF-8 bytes.</summary>
    public BinaryData Body => BinaryData.FromString(MessageText);
}
