namespace DataOps.Functions.Teardown;

/// <summary>Finish a teardown: ARCHIVED and claims released.</summary>
public sealed record CompleteTeardownInput(string DatasetId, string ArchiveLocation);
