using Microsoft.DurableTask.Client;

namespace DataOps.Functions.Workflows;

/// <summary>The orchestration instances found for a dataset (<see cref="LifecycleWorkflows.FindInstancesAsync"/>).</summary>
/// <param name="Instances">The instances that worked on the dataset and could be read, unordered.</param>
/// <param name="Unreadable">
/// The instance ids, and prefixes ending in <c>*</c>, that the Durable Functions API failed to read: the dataset may have
/// instances there that are not in <paramref name="Instances"/>.
/// </param>
public sealed record DatasetInstanceSet(IReadOnlyList<OrchestrationMetadata> Instances, IReadOnlyList<string> Unreadable);
