using DataOps.Durable;
using DataOps.Functions.Glean;
using DataOps.Functions.Glean.Model;
using DataOps.Functions.Registry;

namespace DataOps.Functions.Activities;

/// <summary>Creates (or updates: the Glean call is add-or-update) the dataset's Glean connector and records it.</summary>
public sealed class CreateConnector(DatasetLoader datasets, IGleanConnectorService glean, ConnectorStore connectors) : TaskActivity<string, string>
{
    /// <inheritdoc />
    public override async Task<string> RunAsync(TaskActivityContext context, string input)
    {
        ArgumentNullException.ThrowIfNull(context);
        var dataset = (await datasets.LoadAsync(input, context.CancellationToken).ConfigureAwait(false)).Dataset;
        var connector = await glean.CreateConnectorAsync(new ConnectorSpec(dataset.ConnectorName.Value, dataset.Type, dataset.Stage), context.CancellationToken).ConfigureAwait(false);
        await connectors.SaveAsync(input, connector, ConnectorStatuses.Healthy, context.CancellationToken).ConfigureAwait(false);
        return connector.DatasourceName;
    }
}
