using Azure;

namespace DataOps.Storage.Blobs;

/// <summary>Conditions on a blob write or delete.</summary>
public sealed record BlobRequestConditions
{
    /// <summary>The active lease id; required to write to or delete a leased blob.</summary>
    public string? LeaseId { get; init; }

    /// <summary>Only if the blob's ETag matches (optimistic concurrency).</summary>
    public ETag? IfMatch { get; init; }

    /// <summary>Only if the blob's ETag does not match (<see cref="ETag.All"/>: only if absent).</summary>
    public ETag? IfNoneMatch { get; init; }
}
