namespace DataOps.LocalHost.Hosting.Indexing;

/// <summary>
/// An orchestration or activity trigger: the task hub worker runs the orchestrator or activity of <see cref="TaskName"/>;
/// the host only checks at start-up that the task hub worker has it registered.
/// </summary>
internal sealed record DurableTriggerDefinition(DurableTaskKind Kind, string TaskName) : FunctionTrigger;

/// <summary>What a durable trigger starts.</summary>
internal enum DurableTaskKind
{
    /// <summary><c>[OrchestrationTrigger]</c>.</summary>
    Orchestration,

    /// <summary><c>[ActivityTrigger]</c>.</summary>
    Activity,
}
