using DataOps.Domain.Datasets;

namespace DataOps.Functions.Validation;

/// <summary>Score the four checks and move the dataset to READY or FAILED.</summary>
public sealed record RecordValidationInput(DatasetId DatasetId, IReadOnlyList<QualityCheckOutcome> Checks, DateTimeOffset ValidatedAt);
