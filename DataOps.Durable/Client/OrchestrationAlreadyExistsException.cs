namespace DataOps.Durable.Client;

/// <summary>Thrown when an instance id is scheduled while an instance with that id is still running.</summary>
public sealed class OrchestrationAlreadyExistsException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    public OrchestrationAlreadyExistsException()
        : base("An orchestration instance with this id is already running.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public OrchestrationAlreadyExistsException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and inner exception.</summary>
    public OrchestrationAlreadyExistsException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for an instance id and its current status.</summary>
    public OrchestrationAlreadyExistsException(string instanceId, OrchestrationRuntimeStatus status)
        : base($"Orchestration instance '{instanceId}' already exists and is {status}; wait for it to finish or terminate it first.")
    {
        InstanceId = instanceId;
    }

    /// <summary>The conflicting instance id.</summary>
    public string? InstanceId { get; }
}
