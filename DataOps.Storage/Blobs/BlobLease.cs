using Azure;

namespace DataOps.Storage.Blobs;

/// <summary>The result of a lease operation.</summary>
/// <param name="ETag">The entity tag of the blob or container.</param>
/// <param name="LastModified">When the blob or container last changed.</param>
/// <param name="LeaseId">The lease id (null after a break).</param>
/// <param name="LeaseTime">After a break: seconds until the lease is fully broken.</param>
public sealed record BlobLease(ETag ETag, DateTimeOffset LastModified, string? LeaseId, int? LeaseTime);
