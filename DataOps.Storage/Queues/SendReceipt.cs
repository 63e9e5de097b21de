namespace DataOps.Storage.Queues;

/// <summary>The service's receipt for a sent message.</summary>
/// <param name="MessageId">The message id.</param>
/// <param name="PopReceipt">Pop receipt to delete or update the message before it is received.</param>
/// <param name="InsertionTime">When the message was enqueued.</param>
/// <param name="ExpirationTime">When the message expires (far future for messages that never expire).</param>
/// <param name="TimeNextVisible">When the message becomes visible to receivers.</param>
public sealed record SendReceipt(
    string MessageId,
    string PopReceipt,
    DateTimeOffset InsertionTime,
    DateTimeOffset ExpirationTime,
    DateTimeOffset TimeNextVisible);
