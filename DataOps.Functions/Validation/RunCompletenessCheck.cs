using DataOps.Domain.Datasets;
using DataOps.Domain.Quality;
using DataOps.Functions.Provisioning;
using DataOps.Functions.Workflows;
using DataOps.Glean;
using Microsoft.DurableTask;

namespace DataOps.Functions.Validation;

/// <summary>
/// Completeness check: required fields filled in the records population pushed (the attempt's staged copy, read back
/// one at a time, <see cref="StagedCheck"/>), and the record count at least 95 % of what the template promises (for
/// pilot data, of what was staged from the export), counting only records Glean holds: Glean's document count is
/// asked for, and records it does not hold are missing.
/// </summary>
internal sealed class RunCompletenessCheck(DatasetLoader datasets, DatasetRecordSource records, DatasetStaging staging, ConnectorProbes probes, IGleanConnectorService glean)
    : TaskActivity<DatasetId, QualityCheckOutcome>
{
    /// <inheritdoc />
    public override async Task<QualityCheckOutcome> RunAsync(TaskActivityContext context, DatasetId input)
    {
        ArgumentNullException.ThrowIfNull(context);
        var dataset = (await datasets.LoadAsync(input, CancellationToken.None).ConfigureAwait(false)).Dataset;
        var schema = records.SchemaFor(dataset);
        if (schema is null)
        {
            return QualityCheckMapping.NotApplicable(QualityCheckType.Completeness, $"stage {dataset.Stage.ToWireName()} is not populated by the product");
        }

        var connector = await probes.ConnectorOfAsync(dataset, CancellationToken.None).ConfigureAwait(false);
        var inGlean = await glean.GetDocumentCountAsync(connector, CancellationToken.None).ConfigureAwait(false);
        return await StagedCheck.RunAsync(
            staging,
            dataset,
            QualityCheckType.Completeness,
            QualityThresholds.Default.Completeness,
            staged => CompletenessEvaluator.EvaluateAsync(staged.ReadAsync(schema), schema, records.ExpectedCount(dataset, staged.Copy.RecordCount), documentsInGlean: inGlean.Uploaded),
            CancellationToken.None).ConfigureAwait(false);
    }
}
