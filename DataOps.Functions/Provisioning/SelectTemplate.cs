using DataOps.Domain.Datasets;
using DataOps.Domain.Templates;
using Microsoft.DurableTask;

namespace DataOps.Functions.Provisioning;

/// <summary>
/// Picks the template for a dataset (exact industry + use case, then industry, then generic): sandbox records are
/// generated from it, pilot records are judged against its schema; production uses none.
/// </summary>
public sealed class SelectTemplate(TemplateSource templates) : TaskActivity<ProvisionDatasetInput, TemplateChoice>
{
    /// <inheritdoc />
    public override Task<TemplateChoice> RunAsync(TaskActivityContext context, ProvisionDatasetInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var stage = WireNames.Parse<Stage>(input.Stage);
        if (StageDataRules.DataSourceFor(stage) == DataSource.None)
        {
            return Task.FromResult(new TemplateChoice(null, $"stage {input.Stage} is not populated by the product"));
        }

        var choice = templates.Library.Select(WireNames.Parse<Industry>(input.Industry), UseCase.Create(input.UseCase), WireNames.Parse<DatasetType>(input.DatasetType))
            ?? throw new InvalidOperationException($"No template fits {input.Industry}/{input.UseCase}/{input.DatasetType}, not even a generic one.");
        return Task.FromResult(new TemplateChoice(choice.Template.Id, choice.Recommendation.Reason));
    }
}
