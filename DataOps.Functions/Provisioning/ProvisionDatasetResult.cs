namespace DataOps.Functions.Provisioning;

/// <summary>Outcome for one dataset: <c>ready</c>, <c>failed</c> or <c>already_active</c>.</summary>
public sealed record ProvisionDatasetResult(string DatasetId, string DatasetType, string Outcome, double? QualityScore, string? Error);
