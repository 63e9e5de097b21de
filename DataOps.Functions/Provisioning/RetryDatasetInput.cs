using DataOps.Domain.Datasets;

namespace DataOps.Functions.Provisioning;

/// <summary>
/// Provision a FAILED dataset again. <paramref name="FailedAttempt"/> is the attempt that failed (the retry makes the
/// next one), so a retry that runs twice recognises its own start. <paramref name="TakesSeat"/> as for
/// <see cref="ProvisionDatasetInput"/>.
/// </summary>
public sealed record RetryDatasetInput(DatasetId DatasetId, int FailedAttempt, string Reason, bool TakesSeat = false);
