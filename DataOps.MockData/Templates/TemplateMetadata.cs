using DataOps.Domain.Datasets;
using DataOps.Domain.Templates;

namespace DataOps.MockData.Templates;

/// <summary>The <c>metadata</c> section of a template file.</summary>
/// <param name="Industry">Industry wire name (<c>healthcare</c>, <c>generic</c> for fallbacks).</param>
/// <param name="UseCase">Use case (snake_case, e.g. <c>developer_productivity</c>).</param>
/// <param name="DatasetType">The dataset type its records are.</param>
/// <param name="Version">Template version, e.g. <c>1.0.0</c>.</param>
/// <param name="DefaultRecordCount">Records to generate for a sandbox; null means the dataset type default.</param>
/// <param name="Name">Display name.</param>
/// <param name="Description">One line on what the content is about.</param>
public sealed record TemplateMetadata(
    string Industry,
    string UseCase,
    DatasetType DatasetType,
    string Version,
    int? DefaultRecordCount,
    string Name,
    string Description)
{
    /// <summary>The catalog id of the template, <c>{industry}.{use_case}.{dataset_type}</c>; stable across rescans and safe in table keys and URLs.</summary>
    public string TemplateId => $"{Industry}.{UseCase}.{DatasetType.ToWireName()}";

    /// <summary>What template selection needs to know (the domain view of the template).</summary>
    public TemplateDescriptor ToDescriptor() => new(
        Domain.Templates.TemplateId.Create(TemplateId),
        WireNames.Parse<Industry>(Industry),
        Domain.Templates.UseCase.Create(UseCase),
        DatasetType,
        Version,
        DefaultRecordCount);
}
