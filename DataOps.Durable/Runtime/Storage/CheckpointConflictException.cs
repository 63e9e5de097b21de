namespace DataOps.Durable.Runtime.Storage;

/// <summary>Another worker committed to this instance first (the sentinel ETag changed); the episode is discarded.</summary>
internal sealed class CheckpointConflictException : Exception
{
    public CheckpointConflictException()
    {
    }

    public CheckpointConflictException(string message)
        : base(message)
    {
    }

    public CheckpointConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
