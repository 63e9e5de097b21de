using DataOps.Domain.Datasets;
using DataOps.Functions.Registry;
using DataOps.Functions.Workflows;
using DataOps.Glean;
using Microsoft.DurableTask;

namespace DataOps.Functions.Provisioning;

/// <summary>
/// The Glean half of the compensation: every document the product pushed for a FAILED dataset is removed and its
/// connector recorded as retired. Acts only on a connector the dataset owns and only while the dataset is still
/// FAILED (a retry or a teardown has taken over otherwise). When Glean keeps failing the workflow gives up for now and
/// the health sweep's repair calls this again until it succeeds. True when the connector is clean.
/// </summary>
internal sealed class CleanUpFailedConnector(DatasetLoader datasets, IGleanConnectorService glean, ConnectorStore connectors)
    : TaskActivity<DatasetId, bool>
{
    /// <inheritdoc />
    public override async Task<bool> RunAsync(TaskActivityContext context, DatasetId input)
    {
        ArgumentNullException.ThrowIfNull(context);
        var dataset = (await datasets.LoadAsync(input, CancellationToken.None).ConfigureAwait(false)).Dataset;
        if (dataset.Status != DatasetStatus.Failed)
        {
            return false;
        }

        var connector = await connectors.GetOwnedAsync(input, dataset.ConnectorName, CancellationToken.None).ConfigureAwait(false);
        if (connector is null || connector.Status == ConnectorStatuses.Retired)
        {
            return true;
        }

        await glean.EmptyAndRetireAsync(connector.Connector, input.Value, CancellationToken.None).ConfigureAwait(false);
        await connectors.SetStatusAsync(input, connector.Connector.ConnectorName, ConnectorStatuses.Retired, cancellationToken: CancellationToken.None).ConfigureAwait(false);
        return true;
    }
}
