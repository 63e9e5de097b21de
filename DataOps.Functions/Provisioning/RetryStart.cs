using DataOps.Domain.Datasets;

namespace DataOps.Functions.Provisioning;

/// <summary>
/// Whether a retry began (the dataset is PROVISIONING again with its claims re-taken), or why not; with the dataset's
/// type and stage for the steps that follow. <paramref name="HolderDatasetId"/> names the dataset holding the slot when
/// that is the refusal.
/// </summary>
public sealed record RetryStart(bool Started, DatasetType DatasetType, Stage Stage, string? Refusal, DatasetId? HolderDatasetId);
