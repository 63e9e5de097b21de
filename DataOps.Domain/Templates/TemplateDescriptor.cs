using DataOps.Domain.Common;
using DataOps.Domain.Datasets;

namespace DataOps.Domain.Templates;

/// <summary>
/// What template selection needs to know about a template: its id, the industry, use case and dataset type it
/// is written for (its path <c>{industry}/{use_case}/{dataset_type}.json</c>), its version and the record count
/// it asks for (null: the type default of <see cref="StageDataRules"/>).
/// </summary>
public sealed record TemplateDescriptor
{
    /// <summary>Longest accepted version string.</summary>
    public const int MaxVersionLength = 32;

    /// <summary>Creates a descriptor; throws <see cref="DomainValidationException"/> on an empty or over-long version or a non-positive record count.</summary>
    public TemplateDescriptor(TemplateId id, Industry industry, UseCase useCase, DatasetType datasetType, string version, int? defaultRecordCount)
    {
        if (string.IsNullOrEmpty(id.Value))
        {
            throw new DomainValidationException(TemplateId.FieldName, "must not be empty");
        }

        if (string.IsNullOrEmpty(useCase.Value))
        {
            throw new DomainValidationException(UseCase.FieldName, "must not be empty");
        }

        var versionError = IdentifierRules.Check(version, MaxVersionLength, allowInnerSpaces: false);
        if (versionError is not null)
        {
            throw new DomainValidationException("version", versionError);
        }

        if (defaultRecordCount is <= 0)
        {
            throw new DomainValidationException("defaultRecordCount", "must be greater than zero");
        }

        Id = id;
        Industry = industry;
        UseCase = useCase;
        DatasetType = datasetType;
        Version = version;
        DefaultRecordCount = defaultRecordCount;
    }

    /// <summary>The template id.</summary>
    public TemplateId Id { get; }

    /// <summary>The industry; <see cref="Industry.Generic"/> for fallback templates.</summary>
    public Industry Industry { get; }

    /// <summary>The use case.</summary>
    public UseCase UseCase { get; }

    /// <summary>The dataset type its records are.</summary>
    public DatasetType DatasetType { get; }

    /// <summary>The template version (e.g. <c>1.2.0</c>); higher versions win ties.</summary>
    public string Version { get; }

    /// <summary>The record count the template asks for; null to use the type default.</summary>
    public int? DefaultRecordCount { get; }

    /// <summary>The number of sandbox records to generate from this template.</summary>
    public int RecordCount => StageDataRules.RecordCountFor(DatasetType, DefaultRecordCount);

    /// <summary>The template's path-like key <c>{industry}/{use_case}/{dataset_type}</c>, for messages.</summary>
    public string Key => $"{Industry.ToWireName()}/{UseCase.Value}/{DatasetType.ToWireName()}";
}
