using DataOps.Domain.Datasets;

namespace DataOps.Functions.Teardown;

/// <summary>
/// Tear a dataset down. <paramref name="GracePeriod"/> is resolved from configuration by the starter.
/// <paramref name="Caller"/> is the orchestration instance that asked for it and waits for the result (a stage
/// transition), or null when it was started from outside (the teardown API).
/// </summary>
public sealed record TeardownDatasetInput(DatasetId DatasetId, TeardownReason Reason, bool Force, TimeSpan GracePeriod, string? Caller = null);
