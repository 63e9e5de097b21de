namespace DataOps.Storage.Queues;

/// <summary>A message seen without being received (its visibility is unchanged).</summary>
/// <param name="MessageId">The message id.</param>
/// <param name="MessageText">The message text exactly as sent.</param>
/// <param name="DequeueCount">How many times the message has been received.</param>
/// <param name="InsertedOn">When the message was enqueued.</param>
/// <param name="ExpiresOn">When the message expires.</param>
public sealed record PeekedMessage(
    string MessageId,
    string MessageText,
    long DequeueCount,
    DateTimeOffset InsertedOn,
    DateTimeOffset ExpiresOn)
{
    /// <summary>The message text as UTF-8 bytes.</summary>
    public BinaryData Body => BinaryData.FromString(MessageText);
}
