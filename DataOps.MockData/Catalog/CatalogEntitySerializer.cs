using DataOps.MockData.Records;
using DataOps.MockData.Templates;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Azure.Data.Tables;
using DataOps.Domain.Datasets;
using DataOps.Domain.Templates;

namespace DataOps.MockData.Catalog;

/// <summary>
/// Maps catalog entries to table rows (partition = industry, row = template id) and back. Schema, samples and
/// statistics are JSON strings; samples are trimmed from the end if they would pass the 64 KB property limit.
/// Counts are stored as Int64 so they carry an explicit EDM type on the wire.
/// </summary>
public static class CatalogEntitySerializer
{
    /// <summary>Longest JSON property written, in characters (table strings are UTF-16, limit 64 KB).</summary>
    public const int MaxJsonChars = 30_000;

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    /// <summary>The row of an entry.</summary>
    public static TableEntity ToEntity(CatalogEntry entry)
    {
        var m = entry.Metadata;
        return new TableEntity(m.Industry, entry.Id)
        {
            ["UseCase"] = m.UseCase,
            ["DatasetType"] = m.DatasetType.ToWireName(),
            ["Version"] = m.Version,
            ["DefaultRecordCount"] = (long?)m.DefaultRecordCount,
            ["RecordCount"] = (long)entry.RecordCount,
            ["Name"] = m.Name,
            ["Description"] = m.Description,
            ["SourcePath"] = entry.SourcePath,
            ["ContentHash"] = entry.ContentHash,
            ["SchemaInferred"] = entry.SchemaInferred,
            ["SchemaJson"] = SchemaJson(entry.Schema),
            ["SamplesJson"] = SamplesJson(entry.SampleRecords),
            ["StatisticsJson"] = JsonSerializer.Serialize(entry.Statistics, Json),
        };
    }

    /// <summary>The entry of a row; throws <see cref="InvalidDataException"/> when the row is not a catalog entry.</summary>
    public static CatalogEntry FromEntity(TableEntity entity)
    {
        var errors = new List<string>();
        using var schemaDocument = JsonDocument.Parse(Required(entity, "SchemaJson"));
        var schema = SchemaReader.Read(schemaDocument.RootElement, errors);
        if (errors.Count > 0 || !WireNames.TryParse<DatasetType>(entity.GetString("DatasetType"), out var type))
        {
            throw new InvalidDataException($"Catalog row {entity.RowKey} is not a valid template entry: {string.Join("; ", errors)}");
        }

        using var samplesDocument = JsonDocument.Parse(Required(entity, "SamplesJson"));
        var samples = samplesDocument.RootElement.EnumerateArray().Select(r => JsonRecordReader.Read(r, schema)).ToArray();
        var metadata = new TemplateMetadata(
            entity.PartitionKey,
            Required(entity, "UseCase"),
            type.Value,
            Required(entity, "Version"),
            (int?)entity.GetInt64("DefaultRecordCount"),
            entity.GetString("Name") ?? entity.RowKey,
            entity.GetString("Description") ?? string.Empty);
        return new CatalogEntry(
            metadata,
            (int)(entity.GetInt64("RecordCount") ?? 0),
            schema,
            entity.GetBoolean("SchemaInferred") ?? false,
            samples,
            JsonSerializer.Deserialize<TemplateStatistics>(Required(entity, "StatisticsJson"), Json)!,
            entity.GetString("SourcePath") ?? string.Empty,
            entity.GetString("ContentHash") ?? string.Empty);
    }

    /// <summary>The schema in the template-file shape.</summary>
    public static string SchemaJson(TemplateSchema schema)
    {
        var fields = schema.Fields.Select(f => new Dictionary<string, object?>
        {
            ["name"] = f.Name,
            ["type"] = f.Type.ToWireName(),
            ["required"] = f.Required,
            ["max_length"] = f.MaxLength,
            ["min_length"] = f.MinLength,
            ["enum"] = f.AllowedValues,
            ["pattern"] = f.Pattern,
            ["minimum"] = f.Minimum,
            ["maximum"] = f.Maximum,
        }.Where(p => p.Value is not null).ToDictionary(p => p.Key, p => p.Value));
        var relationships = schema.Relationships.Select(r => new { field = r.Field, target_dataset_type = r.TargetDatasetType, target_field = r.TargetField });
        return JsonSerializer.Serialize(new { fields, relationships });
    }

    private static string SamplesJson(IReadOnlyList<IReadOnlyDictionary<string, object?>> records)
    {
        for (var take = records.Count; take >= 0; take--)
        {
            var builder = new StringBuilder("[");
            for (var i = 0; i < take; i++)
            {
                builder.Append(i > 0 ? "," : string.Empty).Append(Encoding.UTF8.GetString(RecordJsonWriter.Serialize(records[i])));
            }

            var json = builder.Append(']').ToString();
            if (json.Length <= MaxJsonChars)
            {
                return json;
            }
        }

        return "[]";
    }

    private static string Required(TableEntity entity, string name)
        => entity.GetString(name) ?? throw new InvalidDataException(string.Format(CultureInfo.InvariantCulture, "Catalog row {0} lacks {1}.", entity.RowKey, name));
}
