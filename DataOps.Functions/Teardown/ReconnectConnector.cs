using DataOps.Domain.Datasets;
using DataOps.Functions.Registry;
using DataOps.Functions.Workflows;
using DataOps.Glean;
using DataOps.Glean.Model;
using Microsoft.DurableTask;

namespace DataOps.Functions.Teardown;

/// <summary>
/// Makes a paused or disconnected connector visible again (the datasource registered as at provisioning, with its beta
/// users) after a cancelled teardown. Acts only on the dataset's own connector, and only when a teardown left it paused or
/// disconnected: a healthy one needs nothing, a retired (emptied) one stays retired and the revalidation that follows says
/// what is missing.
/// </summary>
internal sealed class ReconnectConnector(DatasetLoader datasets, ConnectorStore connectors, IGleanConnectorService glean) : TaskActivity<DatasetId, bool>
{
    /// <inheritdoc />
    public override async Task<bool> RunAsync(TaskActivityContext context, DatasetId input)
    {
        ArgumentNullException.ThrowIfNull(context);
        var dataset = (await datasets.LoadAsync(input, CancellationToken.None).ConfigureAwait(false)).Dataset;
        var connector = await connectors.GetOwnedAsync(input, dataset.ConnectorName, CancellationToken.None).ConfigureAwait(false);
        if (connector is null || connector.Status is not (ConnectorStatuses.Paused or ConnectorStatuses.Disconnected))
        {
            return false;
        }

        var restored = await glean.CreateConnectorAsync(new ConnectorSpec(dataset.ConnectorName.Value, dataset.Type, dataset.Stage, ClientId: dataset.ClientId.Value), CancellationToken.None).ConfigureAwait(false);
        return await connectors.SetStatusAsync(input, restored.ConnectorName, ConnectorStatuses.Healthy, cancellationToken: CancellationToken.None).ConfigureAwait(false);
    }
}
