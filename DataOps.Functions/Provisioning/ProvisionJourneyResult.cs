using DataOps.Domain.Datasets;

namespace DataOps.Functions.Provisioning;

/// <summary>What provisioning a journey stage produced, one entry per requested dataset type.</summary>
public sealed record ProvisionJourneyResult(JourneyId JourneyId, Stage Stage, IReadOnlyList<ProvisionDatasetResult> Datasets);
