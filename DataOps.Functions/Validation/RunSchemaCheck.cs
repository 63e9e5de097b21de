using DataOps.Domain.Datasets;
using DataOps.Domain.Quality;
using DataOps.Functions.Provisioning;
using DataOps.Functions.Workflows;
using Microsoft.DurableTask;

namespace DataOps.Functions.Validation;

/// <summary>Schema check: the dataset's records against its template schema.</summary>
internal sealed class RunSchemaCheck(DatasetLoader datasets, DatasetRecordSource records) : TaskActivity<DatasetId, QualityCheckOutcome>
{
    /// <inheritdoc />
    public override async Task<QualityCheckOutcome> RunAsync(TaskActivityContext context, DatasetId input)
    {
        ArgumentNullException.ThrowIfNull(context);
        var dataset = (await datasets.LoadAsync(input, CancellationToken.None).ConfigureAwait(false)).Dataset;
        var schema = records.SchemaFor(dataset);
        return schema is null
            ? QualityCheckMapping.NotApplicable(QualityCheckType.Schema, $"stage {dataset.Stage.ToWireName()} has no template schema")
            : QualityCheckMapping.ToOutcome(SchemaValidator.Evaluate(await records.LoadAsync(dataset, CancellationToken.None).ConfigureAwait(false), schema));
    }
}
