using DataOps.Domain.Datasets;
using DataOps.Functions.Workflows;

namespace DataOps.Functions.Provisioning;

/// <summary>Outcome for one dataset: <see cref="WorkflowOutcome.Ready"/>, <see cref="WorkflowOutcome.Failed"/> or <see cref="WorkflowOutcome.AlreadyActive"/>.</summary>
public sealed record ProvisionDatasetResult(DatasetId DatasetId, DatasetType DatasetType, WorkflowOutcome Outcome, double? QualityScore, string? Error);
