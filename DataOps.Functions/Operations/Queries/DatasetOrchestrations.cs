namespace DataOps.Functions.Operations.Queries;

/// <summary>The orchestration instances that worked on a dataset.</summary>
/// <param name="DatasetId">The dataset.</param>
/// <param name="Instances">Its instances, newest first, with their history.</param>
public sealed record DatasetOrchestrations(string DatasetId, IReadOnlyList<InstanceView> Instances);
