using DataOps.Domain.Datasets;

namespace DataOps.Functions.Teardown;

/// <summary>
/// Set (or move later) the end of a dataset's grace period to <paramref name="DeleteAfter"/>; <paramref name="Reason"/>
/// is null when the teardown starts its grace period and the operator's reason when it is extended.
/// </summary>
public sealed record GracePeriodInput(DatasetId DatasetId, DateTimeOffset DeleteAfter, string? Reason = null);
