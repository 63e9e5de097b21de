namespace DataOps.Durable;

/// <summary>
/// The orchestrator code no longer matches the history it is replayed from (it was changed while instances were
/// running, or it is not deterministic). The instance is failed with this error, which names the mismatch.
/// </summary>
public sealed class NonDeterministicOrchestrationException : Exception
{
    /// <summary>Creates the exception.</summary>
    public NonDeterministicOrchestrationException()
        : base("The orchestration is not deterministic.")
    {
    }

    /// <summary>Creates the exception with a message naming the mismatch.</summary>
    public NonDeterministicOrchestrationException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and inner exception.</summary>
    public NonDeterministicOrchestrationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
