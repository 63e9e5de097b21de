namespace DataOps.Functions.Operations.Queries;

/// <summary>The orchestration instances that worked on a dataset.</summary>
/// <param name="DatasetId">The dataset.</param>
/// <param name="Instances">Its instances, newest first, with their history.</param>
/// <param name="Unreadable">
/// Instance ids, and prefixes ending in <c>*</c>, that the Durable Functions API could not read (an instance row left
/// without a name by a host that stopped mid-checkpoint): the dataset may have instances there not listed above. Empty
/// when every instance was read.
/// </param>
public sealed record DatasetOrchestrations(string DatasetId, IReadOnlyList<InstanceView> Instances, IReadOnlyList<string> Unreadable);
