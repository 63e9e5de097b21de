using DataOps.Domain.Datasets;
using DataOps.Functions.Workflows;
using DataOps.MockData.Catalog;

namespace DataOps.Functions.Validation;

/// <summary>
/// What a validation run was run on, for its row in the quality history: the dataset's client, stage and type, and the
/// version its template has in the catalog at the time of the run.
/// </summary>
internal sealed class QualityRunContext(DatasetLoader datasets, TemplateCatalogStore templates)
{
    /// <summary>The run of <paramref name="datasetId"/> at <paramref name="validatedAt"/>, without a score or checks yet (unchecked).</summary>
    public async Task<QualityRun> DescribeAsync(DatasetId datasetId, DateTimeOffset validatedAt, ValidationTrigger trigger, CancellationToken cancellationToken)
    {
        var dataset = (await datasets.LoadAsync(datasetId, cancellationToken).ConfigureAwait(false)).Dataset;
        var templateId = dataset.TemplateId?.Value;
        var version = templateId is null ? null : (await templates.GetAsync(templateId, cancellationToken).ConfigureAwait(false))?.Metadata.Version;
        return new QualityRun(datasetId, validatedAt, null, WorkflowOutcome.Unchecked, trigger, dataset.ClientId, dataset.Stage, dataset.Type, templateId, version, []);
    }
}
