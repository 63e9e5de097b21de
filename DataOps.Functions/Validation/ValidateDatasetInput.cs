using DataOps.Domain.Datasets;

namespace DataOps.Functions.Validation;

/// <summary>Validate a dataset (after provisioning, on request, or after its connector turned unhealthy).</summary>
internal sealed record ValidateDatasetInput(DatasetId DatasetId);
