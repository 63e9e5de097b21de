using DataOps.Domain.Datasets;
using DataOps.Functions.Registry;
using DataOps.Functions.Workflows;
using DataOps.Glean;
using Microsoft.DurableTask;

namespace DataOps.Functions.Teardown;

/// <summary>
/// After the grace period: empties the datasource (Glean cannot delete one) and verifies it holds no documents before
/// the registration is recorded as retired. A non-empty datasource fails the activity so it is retried.
/// </summary>
internal sealed class DeleteConnector(DatasetLoader datasets, ConnectorStore connectors, IGleanConnectorService glean) : TaskActivity<DatasetId, bool>
{
    /// <inheritdoc />
    public override async Task<bool> RunAsync(TaskActivityContext context, DatasetId input)
    {
        ArgumentNullException.ThrowIfNull(context);
        var dataset = (await datasets.LoadAsync(input, CancellationToken.None).ConfigureAwait(false)).Dataset;
        var connector = await connectors.GetOwnedAsync(input, dataset.ConnectorName, CancellationToken.None).ConfigureAwait(false);
        if (connector is null)
        {
            return false;
        }

        await glean.EmptyAndRetireAsync(connector.Connector, input.Value, CancellationToken.None).ConfigureAwait(false);
        var left = await glean.GetDocumentCountAsync(connector.Connector, CancellationToken.None).ConfigureAwait(false);
        if (left.Indexed != 0)
        {
            throw new InvalidOperationException($"Connector '{connector.Connector.ConnectorName}' still holds {left.Indexed} documents after emptying.");
        }

        await connectors.SetStatusAsync(input, connector.Connector.ConnectorName, ConnectorStatuses.Retired, cancellationToken: CancellationToken.None).ConfigureAwait(false);
        return true;
    }
}
