using DataOps.Domain.Datasets;

namespace DataOps.Functions.Teardown;

/// <summary>Archive a dataset; the time comes from the orchestration so retries write identical blobs.</summary>
public sealed record ArchiveDatasetInput(DatasetId DatasetId, DateTimeOffset ArchivedAt);
