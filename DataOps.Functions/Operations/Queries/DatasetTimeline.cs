namespace DataOps.Functions.Operations.Queries;

/// <summary>A dataset's lifecycle as its audited domain events tell it.</summary>
/// <param name="DatasetId">The dataset.</param>
/// <param name="Events">Its events, oldest first.</param>
public sealed record DatasetTimeline(string DatasetId, IReadOnlyList<TimelineEvent> Events);
