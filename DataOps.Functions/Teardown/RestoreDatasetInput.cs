using DataOps.Domain.Datasets;

namespace DataOps.Functions.Teardown;

/// <summary>Undo a dataset's teardown (cancelled or terminated in its grace period), and why.</summary>
public sealed record RestoreDatasetInput(DatasetId DatasetId, string Reason);
