using System.Text.Json;
using DataOps.MockData.Catalog;

namespace DataOps.Functions.Catalog;

/// <summary>A catalog entry with its schema, sample data and statistics.</summary>
internal sealed record TemplateDetail(
    TemplateSummary Template,
    JsonElement Schema,
    IReadOnlyList<IReadOnlyDictionary<string, object?>> SampleData,
    TemplateStatistics Statistics,
    string SourcePath)
{
    /// <summary>The detail of an entry.</summary>
    public static TemplateDetail From(CatalogEntry e)
    {
        using var schema = JsonDocument.Parse(CatalogEntitySerializer.SchemaJson(e.Schema));
        return new TemplateDetail(TemplateSummary.From(e), schema.RootElement.Clone(), e.SampleRecords, e.Statistics, e.SourcePath);
    }
}
