using DataOps.Domain.Datasets;
using DataOps.Functions.Registry;
using DataOps.Functions.Workflows;
using DataOps.Glean;
using Microsoft.DurableTask;

namespace DataOps.Functions.Teardown;

/// <summary>Makes the connector invisible to everyone (a test datasource with no beta users) for the grace period.</summary>
internal sealed class DisconnectConnector(DatasetLoader datasets, ConnectorStore connectors, IGleanConnectorService glean) : TaskActivity<DatasetId, bool>
{
    /// <inheritdoc />
    public override async Task<bool> RunAsync(TaskActivityContext context, DatasetId input)
    {
        ArgumentNullException.ThrowIfNull(context);
        var dataset = (await datasets.LoadAsync(input, CancellationToken.None).ConfigureAwait(false)).Dataset;
        var connector = await connectors.GetOwnedAsync(input, dataset.ConnectorName, CancellationToken.None).ConfigureAwait(false);
        if (connector is null || connector.Status == ConnectorStatuses.Retired)
        {
            return false;
        }

        await glean.DisconnectAsync(connector.Connector, CancellationToken.None).ConfigureAwait(false);
        await connectors.SetStatusAsync(input, connector.Connector.ConnectorName, ConnectorStatuses.Disconnected, cancellationToken: CancellationToken.None).ConfigureAwait(false);
        return true;
    }
}
