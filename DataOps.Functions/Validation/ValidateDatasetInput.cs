using DataOps.Domain.Datasets;

namespace DataOps.Functions.Validation;

/// <summary>Validate a dataset (after provisioning, on request, or after its connector turned unhealthy).</summary>
/// <param name="DatasetId">The dataset.</param>
/// <param name="Trigger">What started the run; inputs written before it existed read as manual.</param>
internal sealed record ValidateDatasetInput(DatasetId DatasetId, ValidationTrigger Trigger = ValidationTrigger.Manual);
