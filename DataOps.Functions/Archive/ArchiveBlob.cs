namespace DataOps.Functions.Archive;

/// <summary>One blob of a dataset's archive.</summary>
/// <param name="Name">Its name within the archive folder (for example <c>metadata.json.gz</c>).</param>
/// <param name="Location">Its location, <c>{container}/{folder}{name}</c>.</param>
/// <param name="SizeBytes">Its stored (compressed) size.</param>
/// <param name="LastModified">When it was written.</param>
public sealed record ArchiveBlob(string Name, string Location, long SizeBytes, DateTimeOffset? LastModified);
