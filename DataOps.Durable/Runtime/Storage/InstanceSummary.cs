namespace DataOps.Durable.Runtime.Storage;

/// <summary>
/// The instance state written to the sentinel row with every history commit, and projected to the instances
/// table afterwards; a crash between the two is repaired from the sentinel. Payload fields hold JSON or a
/// large-message reference.
/// </summary>
internal sealed record InstanceSummary
{
    public string? ExecutionId { get; init; }

    public string? Name { get; init; }

    public OrchestrationRuntimeStatus? Status { get; init; }

    public string? Input { get; init; }

    public string? Output { get; init; }

    public string? Failure { get; init; }

    public string? CustomStatus { get; init; }

    public string? ParentInstanceId { get; init; }

    public DateTimeOffset? CompletedAt { get; init; }
}
