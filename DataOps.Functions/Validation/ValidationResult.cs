using DataOps.Domain.Datasets;
using DataOps.Functions.Workflows;

namespace DataOps.Functions.Validation;

/// <summary>The validation verdict: <see cref="WorkflowOutcome.Ready"/>, <see cref="WorkflowOutcome.Failed"/>, or <see cref="WorkflowOutcome.Unchecked"/> when the checks could not run.</summary>
public sealed record ValidationResult(DatasetId DatasetId, WorkflowOutcome Outcome, double Score, IReadOnlyList<QualityCheckType> FailedChecks, string Summary);
