using System.Text.Json;
using DataOps.Domain.Datasets;
using DataOps.Functions.Registry;
using DataOps.Functions.Serialization;
using DataOps.Functions.Workflows;
using DataOps.Glean;
using Microsoft.DurableTask;

namespace DataOps.Functions.Provisioning;

/// <summary>
/// Fills the connector with the dataset's records in one bulk upload. A retry uploads the same records again under
/// the same upload id with a forced restart, so Glean ends up with exactly one copy. A dataset no longer PROVISIONING
/// was populated already: nothing is done.
/// </summary>
internal sealed class PopulateConnector(DatasetLoader datasets, DatasetRecordSource records, IGleanConnectorService glean, ConnectorStore connectors, TimeProvider time)
    : TaskActivity<DatasetId, PopulationSummary>
{
    /// <inheritdoc />
    public override async Task<PopulationSummary> RunAsync(TaskActivityContext context, DatasetId input)
    {
        ArgumentNullException.ThrowIfNull(context);
        var dataset = (await datasets.LoadAsync(input, CancellationToken.None).ConfigureAwait(false)).Dataset;
        if (dataset.Status != DatasetStatus.Provisioning)
        {
            // Populated already and moved on: a second execution of the same provisioning (a start the engine delivered
            // twice after a host died) must not upload again nor fail the dataset the first one is validating.
            return new PopulationSummary(dataset.RecordCount, dataset.SizeBytes, 0);
        }

        var connector = (await connectors.GetOwnedAsync(input, dataset.ConnectorName, CancellationToken.None).ConfigureAwait(false))?.Connector
            ?? throw new InvalidOperationException($"Connector '{dataset.ConnectorName.Value}' of dataset '{input.Value}' was not created, or now serves another dataset.");
        var all = await records.LoadAsync(dataset, CancellationToken.None).ConfigureAwait(false);
        var result = await glean.PopulateAsync(connector, input.Value, dataset.Attempt, all, CancellationToken.None).ConfigureAwait(false);
        var size = all.Sum(r => (long)JsonSerializer.SerializeToUtf8Bytes(r, DomainJson.Options).Length);
        await datasets.UpdateAsync(input, d => d.RecordPopulation(all.Count, size, time.GetUtcNow()), CancellationToken.None).ConfigureAwait(false);
        return new PopulationSummary(all.Count, size, result.PageCount);
    }
}
