namespace DataOps.Storage.Queues;

/// <summary>Queue properties.</summary>
/// <param name="ApproximateMessagesCount">Approximate number of messages (visible or not).</param>
/// <param name="Metadata">User metadata.</param>
public sealed record QueueProperties(int ApproximateMessagesCount, IReadOnlyDictionary<string, string> Metadata);
