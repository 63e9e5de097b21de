using DataOps.Domain.Datasets;
using DataOps.Functions.Registry;
using DataOps.Functions.Staging;
using DataOps.Functions.Workflows;
using DataOps.Glean;
using Microsoft.DurableTask;

namespace DataOps.Functions.Provisioning;

/// <summary>
/// Stages the attempt's records (gzip JSON lines in blob storage, <see cref="DatasetStaging"/>) and fills the connector
/// with exactly those records in one bulk upload. The activity runs at least once: a second execution of the same
/// attempt finds the staged copy and pushes it again under the same upload id with a forced restart, so the attempt
/// has one copy and Glean exactly one set of documents; the source (template or pilot export) is read once per attempt.
/// The copies of earlier attempts are deleted once this one is pushed. A dataset no longer PROVISIONING was populated
/// already: nothing is done.
/// </summary>
internal sealed class PopulateConnector(DatasetLoader datasets, DatasetStaging staging, StagedCopyStore copies, IGleanConnectorService glean, ConnectorStore connectors, TimeProvider time)
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
        var staged = await staging.StageAsync(dataset, CancellationToken.None).ConfigureAwait(false);
        var result = await glean.PopulateAsync(connector, input.Value, dataset.Attempt, staged.Records, CancellationToken.None).ConfigureAwait(false);
        await copies.DeleteEarlierAttemptsAsync(input, dataset.Attempt, CancellationToken.None).ConfigureAwait(false);
        await datasets.UpdateAsync(input, d => d.RecordPopulation(staged.Copy.RecordCount, staged.Copy.SizeBytes, time.GetUtcNow()), CancellationToken.None).ConfigureAwait(false);
        return new PopulationSummary(staged.Copy.RecordCount, staged.Copy.SizeBytes, result.PageCount) { StagedCopy = staged.Copy.Location, StagedBytes = staged.Copy.CompressedBytes };
    }
}
