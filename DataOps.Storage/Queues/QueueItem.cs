namespace DataOps.Storage.Queues;

/// <summary>A queue of the account.</summary>
/// <param name="Name">The queue name.</param>
public sealed record QueueItem(string Name);
