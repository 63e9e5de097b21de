using DataOps.Domain.Datasets;
using DataOps.Functions.Registry;
using DataOps.Functions.Workflows;
using Microsoft.DurableTask;

namespace DataOps.Functions.Provisioning;

/// <summary>
/// The local half of the compensation after a failed provision: the dataset goes FAILED with the error (if it is not
/// already) and gives up its slot (it keeps its connector name until it is archived). Touches storage only, so a Glean
/// that is still failing cannot stop it; emptying the connector is <see cref="CleanUpFailedConnector"/>'s job.
/// </summary>
internal sealed class FailProvisioning(DatasetLoader datasets, IDatasetRegistry registry, TimeProvider time)
    : TaskActivity<FailProvisioningInput, bool>
{
    /// <inheritdoc />
    public override async Task<bool> RunAsync(TaskActivityContext context, FailProvisioningInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var dataset = await datasets.UpdateAsync(
            input.DatasetId,
            d =>
            {
                if (d.Status is DatasetStatus.Provisioning or DatasetStatus.Validating)
                {
                    d.MarkFailed(Truncate(input.Error), input.FailedChecks, time.GetUtcNow());
                }
            },
            CancellationToken.None).ConfigureAwait(false);
        await registry.ReleaseClaimsAsync(dataset, CancellationToken.None).ConfigureAwait(false);
        return dataset.Status == DatasetStatus.Failed;
    }

    private static string Truncate(string error) => error.Length <= 2000 ? error : error[..2000];
}
