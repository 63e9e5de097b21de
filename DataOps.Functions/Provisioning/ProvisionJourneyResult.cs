namespace DataOps.Functions.Provisioning;

/// <summary>What provisioning a journey stage produced, one entry per requested dataset type.</summary>
public sealed record ProvisionJourneyResult(string JourneyId, string Stage, IReadOnlyList<ProvisionDatasetResult> Datasets);
