namespace DataOps.Storage.Blobs;

/// <summary>Optional settings of an upload.</summary>
public sealed record BlobUploadOptions
{
    /// <summary>The content type to store (for example <c>application/json</c>).</summary>
    public string? ContentType { get; init; }

    /// <summary>The content encoding to store (for example <c>gzip</c>); the bytes are stored as given.</summary>
    public string? ContentEncoding { get; init; }

    /// <summary>User metadata (names must be valid C# identifiers).</summary>
    public IReadOnlyDictionary<string, string>? Metadata { get; init; }

    /// <summary>Lease and ETag conditions. Without conditions an existing blob is replaced only when overwrite is true.</summary>
    public BlobRequestConditions? Conditions { get; init; }
}
