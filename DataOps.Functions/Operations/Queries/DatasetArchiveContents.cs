using DataOps.Functions.Archive;

namespace DataOps.Functions.Operations.Queries;

/// <summary>What a dataset's archive holds.</summary>
/// <param name="DatasetId">The dataset.</param>
/// <param name="Location">Where its archive is: as the teardown recorded it, else the folder when it holds blobs, else null.</param>
/// <param name="Blobs">The archive's blobs; none before a teardown archived the dataset.</param>
public sealed record DatasetArchiveContents(string DatasetId, string? Location, IReadOnlyList<ArchiveBlob> Blobs);
