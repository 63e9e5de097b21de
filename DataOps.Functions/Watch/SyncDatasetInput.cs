using DataOps.Domain.Datasets;

namespace DataOps.Functions.Watch;

/// <summary>One dataset's sync within a run; <paramref name="SyncId"/> (the orchestration's <c>NewGuid</c>) lets a repeated activity find its own result.</summary>
public sealed record SyncDatasetInput(DatasetId DatasetId, string SyncId);
