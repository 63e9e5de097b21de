using DataOps.Domain.Datasets;
using DataOps.Functions.Registry;
using DataOps.Functions.Workflows;
using Microsoft.DurableTask;

namespace DataOps.Functions.Provisioning;

/// <summary>
/// Starts a new provisioning attempt of a FAILED dataset: takes its slot (and name) again, then FAILED -> PROVISIONING
/// (the domain counts the attempt and raises <c>DatasetProvisioningStarted</c>, which the audit log keeps). Refused,
/// with nothing changed, when the dataset is not FAILED or another dataset holds the slot. Runs at least once: an
/// attempt already begun by this retry answers started again.
/// </summary>
internal sealed class BeginRetry(DatasetLoader datasets, IDatasetRegistry registry, TimeProvider time) : TaskActivity<RetryDatasetInput, RetryStart>
{
    /// <inheritdoc />
    public override async Task<RetryStart> RunAsync(TaskActivityContext context, RetryDatasetInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var dataset = (await datasets.LoadAsync(input.DatasetId, CancellationToken.None).ConfigureAwait(false)).Dataset;
        if (dataset.Status != DatasetStatus.Failed && dataset.Attempt == input.FailedAttempt + 1)
        {
            // This retry began the attempt already (the activity ran before): go on with it.
            return new RetryStart(true, dataset.Type, dataset.Stage, null, null);
        }

        if (dataset.Status != DatasetStatus.Failed || dataset.Attempt != input.FailedAttempt)
        {
            return new RetryStart(false, dataset.Type, dataset.Stage, $"dataset '{input.DatasetId}' is {dataset.Status.ToWireName()} (attempt {dataset.Attempt}); only a failed dataset can be retried", null);
        }

        try
        {
            await registry.ReclaimAsync(dataset, CancellationToken.None).ConfigureAwait(false);
        }
        catch (DatasetClaimConflictException ex)
        {
            return new RetryStart(false, dataset.Type, dataset.Stage, ex.Message, DatasetId.Create(ex.HolderDatasetId));
        }

        await datasets.UpdateAsync(
            input.DatasetId,
            d =>
            {
                if (d.Status == DatasetStatus.Failed && d.Attempt == input.FailedAttempt)
                {
                    d.RetryProvisioning(time.GetUtcNow());
                }
            },
            CancellationToken.None).ConfigureAwait(false);
        return new RetryStart(true, dataset.Type, dataset.Stage, null, null);
    }
}
