using DataOps.Domain.Datasets;
using DataOps.Domain.Quality;
using DataOps.Functions.Provisioning;
using DataOps.Functions.Workflows;
using Microsoft.DurableTask;

namespace DataOps.Functions.Validation;

/// <summary>
/// Schema check: the records population pushed, read back from the attempt's staged copy one at a time
/// (<see cref="StagedCheck"/>), against the template schema.
/// </summary>
internal sealed class RunSchemaCheck(DatasetLoader datasets, DatasetRecordSource records, DatasetStaging staging) : TaskActivity<DatasetId, QualityCheckOutcome>
{
    /// <inheritdoc />
    public override async Task<QualityCheckOutcome> RunAsync(TaskActivityContext context, DatasetId input)
    {
        ArgumentNullException.ThrowIfNull(context);
        var dataset = (await datasets.LoadAsync(input, CancellationToken.None).ConfigureAwait(false)).Dataset;
        var schema = records.SchemaFor(dataset);
        if (schema is null)
        {
            return QualityCheckMapping.NotApplicable(QualityCheckType.Schema, $"stage {dataset.Stage.ToWireName()} has no template schema");
        }

        return await StagedCheck.RunAsync(
            staging,
            dataset,
            QualityCheckType.Schema,
            QualityThresholds.Default.Schema,
            staged => SchemaValidator.EvaluateAsync(staged.ReadAsync(schema), schema),
            CancellationToken.None).ConfigureAwait(false);
    }
}
