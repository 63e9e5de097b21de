using DataOps.Domain.Datasets;

namespace DataOps.Functions.Teardown;

/// <summary>An operator asks for a dataset to be torn down.</summary>
/// <param name="DatasetId">The dataset.</param>
/// <param name="Reason">Why (manual unless the request says otherwise).</param>
/// <param name="Force">Whether to tear it down even where the safety rule would keep it (a journey still using it).</param>
public sealed record TeardownDatasetCommand(DatasetId DatasetId, TeardownReason Reason, bool Force);
