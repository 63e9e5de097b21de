using DataOps.Domain.Datasets;

namespace DataOps.Functions.Validation;

/// <summary>Score the four checks and move the dataset to READY or FAILED.</summary>
/// <param name="DatasetId">The dataset.</param>
/// <param name="Checks">The four checks' outcomes.</param>
/// <param name="ValidatedAt">When the run happened (the orchestration's clock).</param>
/// <param name="Trigger">What started the run.</param>
public sealed record RecordValidationInput(DatasetId DatasetId, IReadOnlyList<QualityCheckOutcome> Checks, DateTimeOffset ValidatedAt, ValidationTrigger Trigger = ValidationTrigger.Manual);
