using DataOps.Domain.Datasets;
using DataOps.Domain.Events;
using DataOps.Functions.Registry;
using DataOps.Functions.Workflows;
using DataOps.Glean;
using DataOps.Glean.Model;
using Microsoft.DurableTask;

namespace DataOps.Functions.Provisioning;

/// <summary>
/// Creates (or updates: the Glean call is add-or-update) the dataset's Glean connector, records it, and publishes
/// <see cref="ConnectorCreated"/> (once per attempt: a repeated run raises the same event id, which the audit log keys by).
/// </summary>
internal sealed class CreateConnector(DatasetLoader datasets, IGleanConnectorService glean, ConnectorStore connectors, IDomainEventPublisher events, TimeProvider time) : TaskActivity<DatasetId, string>
{
    /// <inheritdoc />
    public override async Task<string> RunAsync(TaskActivityContext context, DatasetId input)
    {
        ArgumentNullException.ThrowIfNull(context);
        var dataset = (await datasets.LoadAsync(input, CancellationToken.None).ConfigureAwait(false)).Dataset;
        var connector = await glean.CreateConnectorAsync(new ConnectorSpec(dataset.ConnectorName.Value, dataset.Type, dataset.Stage, ClientId: dataset.ClientId.Value), CancellationToken.None).ConfigureAwait(false);
        await connectors.SaveAsync(input.Value, connector, ConnectorStatuses.Healthy, CancellationToken.None).ConfigureAwait(false);
        var created = ConnectorCreated.Create(input, connector.ConnectorName, connector.DatasourceName, dataset.Attempt, time.GetUtcNow());
        await events.PublishAsync([OutboxEvent.From(created)], CancellationToken.None).ConfigureAwait(false);
        return connector.DatasourceName;
    }
}
