using DataOps.Domain.Datasets;

namespace DataOps.Functions.Provisioning;

/// <summary>Mark a dataset FAILED and undo what provisioning left behind.</summary>
public sealed record FailProvisioningInput(DatasetId DatasetId, string Error, IReadOnlyList<QualityCheckType> FailedChecks);
