namespace DataOps.Functions.Teardown;

/// <summary>Where the archive went.</summary>
public sealed record ArchiveSummary(string Location, long CompressedBytes);
