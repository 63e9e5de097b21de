namespace DataOps.Functions.Teardown;

/// <summary>Outcome of a teardown: <c>archived</c> or <c>refused</c>.</summary>
public sealed record TeardownDatasetResult(string DatasetId, string Outcome, string? ArchiveLocation, string? Refusal);
