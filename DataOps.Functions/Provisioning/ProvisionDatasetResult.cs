using DataOps.Domain.Datasets;
using DataOps.Functions.Workflows;

namespace DataOps.Functions.Provisioning;

/// <summary>
/// Outcome for one dataset: <see cref="WorkflowOutcome.Ready"/>, <see cref="WorkflowOutcome.Failed"/>,
/// <see cref="WorkflowOutcome.AlreadyActive"/>, or <see cref="WorkflowOutcome.Refused"/> (another client's dataset holds
/// the connector name; nothing was registered).
/// </summary>
public sealed record ProvisionDatasetResult(DatasetId DatasetId, DatasetType DatasetType, WorkflowOutcome Outcome, double? QualityScore, string? Error);
