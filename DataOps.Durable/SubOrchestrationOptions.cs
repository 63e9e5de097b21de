namespace DataOps.Durable;

/// <summary>Options of a sub-orchestration call.</summary>
public sealed class SubOrchestrationOptions : TaskOptions
{
    /// <summary>Creates options with an optional instance id and retries.</summary>
    public SubOrchestrationOptions(string? instanceId = null, TaskRetryOptions? retry = null)
        : base(retry) => InstanceId = instanceId;

    /// <summary>The child instance id; default: derived deterministically from the parent id and call number.</summary>
    public string? InstanceId { get; init; }
}
