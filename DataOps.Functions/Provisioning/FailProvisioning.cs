using DataOps.Domain.Datasets;
using DataOps.Functions.Registry;
using DataOps.Functions.Workflows;
using DataOps.Glean;
using Microsoft.DurableTask;

namespace DataOps.Functions.Provisioning;

/// <summary>
/// Compensation after a failed provision: the dataset goes FAILED with the error (if it is not already), every
/// document the product pushed to Glean is removed, and the slot and connector-name claims are released.
/// </summary>
internal sealed class FailProvisioning(DatasetLoader datasets, IDatasetRegistry registry, IGleanConnectorService glean, ConnectorStore connectors, TimeProvider time)
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
        var connector = await connectors.GetOwnedAsync(input.DatasetId, dataset.ConnectorName, CancellationToken.None).ConfigureAwait(false);
        if (connector is not null && connector.Status != ConnectorStatuses.Retired)
        {
            await glean.EmptyAndRetireAsync(connector.Connector, input.DatasetId.Value, CancellationToken.None).ConfigureAwait(false);
            await connectors.SetStatusAsync(input.DatasetId, connector.Connector.ConnectorName, ConnectorStatuses.Retired, cancellationToken: CancellationToken.None).ConfigureAwait(false);
        }

        await registry.ReleaseClaimsAsync(dataset, CancellationToken.None).ConfigureAwait(false);
        return true;
    }

    private static string Truncate(string error) => error.Length <= 2000 ? error : error[..2000];
}
