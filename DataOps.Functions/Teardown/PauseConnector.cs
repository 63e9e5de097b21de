using DataOps.Domain.Datasets;
using DataOps.Functions.Registry;
using DataOps.Functions.Workflows;
using DataOps.Glean;
using Microsoft.DurableTask;

namespace DataOps.Functions.Teardown;

/// <summary>Stops pushing to the connector; recorded in the registry (Glean has no pause call).</summary>
internal sealed class PauseConnector(DatasetLoader datasets, ConnectorStore connectors, IGleanConnectorService glean) : TaskActivity<DatasetId, bool>
{
    /// <inheritdoc />
    public override async Task<bool> RunAsync(TaskActivityContext context, DatasetId input)
    {
        ArgumentNullException.ThrowIfNull(context);
        var dataset = (await datasets.LoadAsync(input, CancellationToken.None).ConfigureAwait(false)).Dataset;
        var connector = await connectors.GetOwnedAsync(input, dataset.ConnectorName, CancellationToken.None).ConfigureAwait(false);
        if (connector is null || connector.Status is ConnectorStatuses.Disconnected or ConnectorStatuses.Retired)
        {
            return false;
        }

        glean.Pause(connector.Connector);
        await connectors.SetStatusAsync(input, connector.Connector.ConnectorName, ConnectorStatuses.Paused, cancellationToken: CancellationToken.None).ConfigureAwait(false);
        return true;
    }
}
