using DataOps.Domain.Templates;

namespace DataOps.MockData.Templates;

/// <summary>A parsed, validated mock-data template.</summary>
/// <param name="Metadata">Industry, use case, type, version, record count.</param>
/// <param name="Schema">The schema records conform to (declared, or inferred from the samples).</param>
/// <param name="SchemaInferred">True when the file had no schema and it was inferred from the sample records.</param>
/// <param name="SampleRecords">The hand-written sample records, as CLR values per the schema.</param>
/// <param name="Vocabulary">The generation vocabulary.</param>
/// <param name="SourcePath">Path of the file relative to the template root (forward slashes).</param>
public sealed record MockTemplate(
    TemplateMetadata Metadata,
    TemplateSchema Schema,
    bool SchemaInferred,
    IReadOnlyList<IReadOnlyDictionary<string, object?>> SampleRecords,
    GenerationVocabulary Vocabulary,
    string SourcePath)
{
    /// <summary>The catalog id (<see cref="TemplateMetadata.TemplateId"/>).</summary>
    public string Id => Metadata.TemplateId;

    /// <summary>What template selection needs to know (the domain view of this template).</summary>
    public TemplateDescriptor ToDescriptor() => Metadata.ToDescriptor();
}
