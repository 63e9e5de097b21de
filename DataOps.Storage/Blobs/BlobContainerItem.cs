namespace DataOps.Storage.Blobs;

/// <summary>A container of the account.</summary>
/// <param name="Name">The container name.</param>
public sealed record BlobContainerItem(string Name);
