using DataOps.Domain.Datasets;
using DataOps.MockData.Catalog;

namespace DataOps.Functions.Catalog;

/// <summary>A catalog entry in listings.</summary>
internal sealed record TemplateSummary(
    string TemplateId,
    string Name,
    string Industry,
    string UseCase,
    string DatasetType,
    string Version,
    int RecordCount,
    string Description,
    bool SchemaInferred,
    int FieldCount,
    int SampleCount)
{
    /// <summary>The summary of an entry.</summary>
    public static TemplateSummary From(CatalogEntry e) => new(
        e.Id, e.Metadata.Name, e.Metadata.Industry, e.Metadata.UseCase, e.Metadata.DatasetType.ToWireName(), e.Metadata.Version,
        e.RecordCount, e.Metadata.Description, e.SchemaInferred, e.Schema.Fields.Count, e.SampleRecords.Count);
}
