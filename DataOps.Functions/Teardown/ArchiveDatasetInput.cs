namespace DataOps.Functions.Teardown;

/// <summary>Archive a dataset; the time comes from the orchestration so retries write identical blobs.</summary>
public sealed record ArchiveDatasetInput(string DatasetId, DateTimeOffset ArchivedAt);
