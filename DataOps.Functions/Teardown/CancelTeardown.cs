using DataOps.Domain.Datasets;
using DataOps.Functions.Registry;
using DataOps.Functions.Workflows;
using Microsoft.DurableTask;

namespace DataOps.Functions.Teardown;

/// <summary>
/// TEARDOWN -> VALIDATING for a cancelled teardown: the dataset takes its slot and name again, then the domain moves it
/// (and raises <c>DatasetTeardownCancelled</c>, which the audit log keeps). Returns null when done (or done already), or
/// why not: the dataset is no longer in teardown, or another dataset has taken its slot meanwhile.
/// </summary>
internal sealed class CancelTeardown(DatasetLoader datasets, IDatasetRegistry registry, TimeProvider time) : TaskActivity<RestoreDatasetInput, string?>
{
    /// <inheritdoc />
    public override async Task<string?> RunAsync(TaskActivityContext context, RestoreDatasetInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var dataset = (await datasets.LoadAsync(input.DatasetId, CancellationToken.None).ConfigureAwait(false)).Dataset;
        if (dataset.Status == DatasetStatus.Validating && dataset.TeardownReason is null)
        {
            return null;
        }

        if (dataset.Status != DatasetStatus.Teardown)
        {
            return $"dataset '{input.DatasetId}' is {dataset.Status.ToWireName()}, not in teardown";
        }

        try
        {
            await registry.ReclaimAsync(dataset, CancellationToken.None).ConfigureAwait(false);
        }
        catch (DatasetClaimConflictException ex)
        {
            return ex.Message;
        }

        await datasets.UpdateAsync(
            input.DatasetId,
            d =>
            {
                if (d.Status == DatasetStatus.Teardown)
                {
                    d.CancelTeardown(input.Reason, time.GetUtcNow());
                }
            },
            CancellationToken.None).ConfigureAwait(false);
        return null;
    }
}
