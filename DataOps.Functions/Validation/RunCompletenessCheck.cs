using DataOps.Domain.Datasets;
using DataOps.Domain.Quality;
using DataOps.Functions.Provisioning;
using DataOps.Functions.Workflows;
using Microsoft.DurableTask;

namespace DataOps.Functions.Validation;

/// <summary>Completeness check: required fields filled, record count at least 95 % of what the template promises.</summary>
internal sealed class RunCompletenessCheck(DatasetLoader datasets, DatasetRecordSource records) : TaskActivity<DatasetId, QualityCheckOutcome>
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

        var loaded = await records.LoadAsync(dataset, CancellationToken.None).ConfigureAwait(false);
        return QualityCheckMapping.ToOutcome(CompletenessEvaluator.Evaluate(loaded, schema, records.ExpectedCount(dataset, loaded.Count)));
    }
}
