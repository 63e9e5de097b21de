using DataOps.Domain.Datasets;
using DataOps.Domain.Templates;
using Microsoft.DurableTask;

namespace DataOps.Functions.Provisioning;

/// <summary>
/// Picks the template for a dataset (exact industry + use case, then industry, then generic): sandbox records are
/// generated from it, pilot records are judged against its schema; production uses none.
/// </summary>
internal sealed class SelectTemplate(TemplateSource templates) : TaskActivity<ProvisionDatasetInput, TemplateChoice>
{
    /// <inheritdoc />
    public override Task<TemplateChoice> RunAsync(TaskActivityContext context, ProvisionDatasetInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (StageDataRules.DataSourceFor(input.Stage) == DataSource.None)
        {
            return Task.FromResult(new TemplateChoice(null, $"stage {input.Stage.ToWireName()} is not populated by the product"));
        }

        var choice = templates.Library.Select(input.Industry, input.UseCase, input.DatasetType)
            ?? throw new InvalidOperationException($"No template fits {input.Industry.ToWireName()}/{input.UseCase}/{input.DatasetType.ToWireName()}, not even a generic one.");
        return Task.FromResult(new TemplateChoice(TemplateId.Create(choice.Template.Id), choice.Recommendation.Reason));
    }
}
