namespace DataOps.LocalHost.Hosting.Indexing;

/// <summary>
/// An orchestration or activity trigger: the Durable extension triggers the function for the orchestration or activity
/// of <see cref="TaskName"/>.
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
