namespace DataOps.Functions.Operations.Queries;

/// <summary>A teardown that has not ended.</summary>
/// <param name="DatasetId">The dataset it tears down.</param>
/// <param name="InstanceId">Its instance id.</param>
/// <param name="RuntimeStatus">Pending, Running or Suspended.</param>
/// <param name="Phase">Its phase, as its custom status says; null before it set one.</param>
/// <param name="DeleteAt">In the grace period, when the connector will be deleted (UTC).</param>
/// <param name="CanTerminate">Whether an operator can still terminate it (until the grace period ends).</param>
/// <param name="CreatedAt">When it started.</param>
/// <param name="Dataset">The dataset; null when the registry does not know it.</param>
/// <param name="CanCancel">Whether an operator can still cancel it or extend its grace period (archiving, or waiting).</param>
public sealed record RunningTeardown(
    string DatasetId,
    string InstanceId,
    string RuntimeStatus,
    string? Phase,
    DateTime? DeleteAt,
    bool CanTerminate,
    DateTimeOffset CreatedAt,
    TornDownDataset? Dataset,
    bool CanCancel = false);
