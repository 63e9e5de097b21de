using DataOps.MockData.Templates;
using DataOps.Domain.Templates;

namespace DataOps.MockData.Catalog;

/// <summary>A template as registered in the catalog: metadata, schema, sample data and statistics.</summary>
/// <param name="Metadata">Industry, use case, type, version, counts, name, description.</param>
/// <param name="RecordCount">Records a sandbox dataset gets from this template.</param>
/// <param name="Schema">The schema (declared or inferred).</param>
/// <param name="SchemaInferred">Whether the schema was inferred from the samples.</param>
/// <param name="SampleRecords">The sample records.</param>
/// <param name="Statistics">Field statistics.</param>
/// <param name="SourcePath">File path relative to the template root.</param>
/// <param name="ContentHash">SHA-256 of the file content (hex); a rescan rewrites the entry only when it changes.</param>
public sealed record CatalogEntry(
    TemplateMetadata Metadata,
    int RecordCount,
    TemplateSchema Schema,
    bool SchemaInferred,
    IReadOnlyList<IReadOnlyDictionary<string, object?>> SampleRecords,
    TemplateStatistics Statistics,
    string SourcePath,
    string ContentHash)
{
    /// <summary>The template id.</summary>
    public string Id => Metadata.TemplateId;
}
