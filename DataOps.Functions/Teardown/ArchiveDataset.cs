using System.Text.Json;
using DataOps.Domain.Datasets;
using DataOps.Functions.Archive;
using DataOps.Functions.Operations;
using DataOps.Functions.Provisioning;
using DataOps.Functions.Registry;
using DataOps.Functions.Serialization;
using DataOps.Functions.Validation;
using DataOps.Functions.Workflows;
using Microsoft.DurableTask;
using Microsoft.Extensions.Options;

namespace DataOps.Functions.Teardown;

/// <summary>
/// Writes the dataset's archive: metadata (dataset and connector), the first records, the quality history. The records
/// are the first of the attempt's staged copy, what was pushed; a dataset with no copy (never populated, or populated
/// before copies were staged) gets its sample from the source, as before.
/// </summary>
internal sealed class ArchiveDataset(
    DatasetLoader datasets,
    DatasetRecordSource records,
    DatasetStaging staging,
    QualityHistoryStore history,
    ConnectorStore connectors,
    DatasetArchiveStore archives,
    IOptions<ArchiveOptions> options) : TaskActivity<ArchiveDatasetInput, ArchiveSummary>
{
    /// <inheritdoc />
    public override async Task<ArchiveSummary> RunAsync(TaskActivityContext context, ArchiveDatasetInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var dataset = (await datasets.LoadAsync(input.DatasetId, CancellationToken.None).ConfigureAwait(false)).Dataset;
        var connector = await connectors.GetOwnedAsync(input.DatasetId, dataset.ConnectorName, CancellationToken.None).ConfigureAwait(false);
        var metadata = new
        {
            archivedAt = input.ArchivedAt,
            dataset = DatasetView.From(dataset.ToSnapshot()),
            connector = connector is null ? null : new { name = connector.Connector.ConnectorName, gleanDatasource = connector.Connector.DatasourceName },
        };
        var sample = await SampleAsync(dataset, options.Value.SampleSize).ConfigureAwait(false);
        var quality = await history.ReadAsync(input.DatasetId.Value, CancellationToken.None).ConfigureAwait(false);
        var archive = new DatasetArchive(
            dataset.ClientId.Value,
            dataset.Stage.ToWireName(),
            dataset.Type.ToWireName(),
            dataset.Id.Value,
            JsonSerializer.SerializeToElement(metadata, DomainJson.Options),
            JsonSerializer.SerializeToElement(sample, DomainJson.Options),
            JsonSerializer.SerializeToElement(quality, DomainJson.Options));
        var receipt = await archives.WriteAsync(archive, CancellationToken.None).ConfigureAwait(false);
        return new ArchiveSummary(receipt.Location, receipt.CompressedBytes);
    }

    private async Task<List<IReadOnlyDictionary<string, object?>>> SampleAsync(Dataset dataset, int size)
    {
        await using var staged = await staging.OpenAsync(dataset, CancellationToken.None).ConfigureAwait(false);
        if (staged is null)
        {
            return (await records.LoadAsync(dataset, CancellationToken.None).ConfigureAwait(false)).Take(size).ToList();
        }

        var sample = new List<IReadOnlyDictionary<string, object?>>(Math.Clamp(size, 0, 1024));
        if (size <= 0)
        {
            return sample;
        }

        await foreach (var record in staged.ReadAsync(records.SchemaFor(dataset), CancellationToken.None).ConfigureAwait(false))
        {
            sample.Add(record);
            if (sample.Count == size)
            {
                break;
            }
        }

        return sample;
    }
}
