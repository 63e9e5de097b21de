using DataOps.Domain.Datasets;
using DataOps.Functions.Workflows;

namespace DataOps.Functions.Teardown;

/// <summary>Outcome of a teardown: <see cref="WorkflowOutcome.Archived"/> or <see cref="WorkflowOutcome.Refused"/>.</summary>
public sealed record TeardownDatasetResult(DatasetId DatasetId, WorkflowOutcome Outcome, string? ArchiveLocation, string? Refusal);
