using DataOps.Domain.Datasets;
using DataOps.Functions.Workflows;

namespace DataOps.Functions.Validation;

/// <summary>The validation verdict: <see cref="WorkflowOutcome.Ready"/> or <see cref="WorkflowOutcome.Failed"/>.</summary>
public sealed record ValidationResult(DatasetId DatasetId, WorkflowOutcome Outcome, double Score, IReadOnlyList<QualityCheckType> FailedChecks, string Summary);
