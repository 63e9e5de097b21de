using System.Text.Json;
using System.Text.RegularExpressions;
using DataOps.Domain.Datasets;
using DataOps.Domain.Templates;

namespace DataOps.MockData.Templates;

/// <summary>
/// Parses and validates one template file. Never throws for bad content: every problem (malformed JSON, missing
/// metadata, unknown field or dataset type, sample records that break the schema, an unusable vocabulary) is
/// returned with its JSON location, so a scan can report the file and move on.
/// </summary>
internal static partial class TemplateParser
{
    /// <summary>Largest accepted default record count.</summary>
    public const int MaxRecordCount = 100_000;

    private static readonly JsonDocumentOptions DocumentOptions = new() { CommentHandling = JsonCommentHandling.Skip, MaxDepth = 32 };

    /// <summary>Parses template JSON; <paramref name="sourcePath"/> (relative, forward slashes) is checked against the metadata when it has the <c>{industry}/{use_case}/{dataset_type}.json</c> shape.</summary>
    public static TemplateParseResult Parse(ReadOnlyMemory<byte> json, string sourcePath)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, DocumentOptions);
        }
        catch (JsonException ex)
        {
            return Failed(sourcePath, $"malformed JSON at line {(ex.LineNumber ?? 0) + 1}, position {(ex.BytePositionInLine ?? 0) + 1}");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return Failed(sourcePath, "the document must be a JSON object");
            }

            var errors = new List<string>();
            var metadata = ReadMetadata(root, sourcePath, errors);
            var samples = ReadSampleElements(root, errors);
            var inferred = !root.TryGetProperty("schema", out var schemaElement) || schemaElement.ValueKind == JsonValueKind.Null;
            var schema = inferred
                ? SchemaInference.Infer(samples)
                : schemaElement.ValueKind == JsonValueKind.Object ? SchemaReader.Read(schemaElement, errors) : Invalid(errors);
            var vocabulary = VocabularyReader.Read(root.TryGetProperty("generation", out var g) ? g : null, errors);
            if (metadata is null || errors.Count > 0)
            {
                return new TemplateParseResult(sourcePath, null, errors);
            }

            var records = samples.Select(s => JsonRecordReader.Read(s, schema)).ToArray();
            var template = new MockTemplate(metadata, schema, inferred, records, vocabulary, sourcePath);
            TemplateChecks.Check(template, errors);
            return errors.Count == 0 ? new TemplateParseResult(sourcePath, template, []) : new TemplateParseResult(sourcePath, null, errors);
        }
    }

    private static TemplateParseResult Failed(string sourcePath, string error) => new(sourcePath, null, [error]);

    private static TemplateSchema Invalid(List<string> errors)
    {
        errors.Add("schema: must be an object with 'fields'");
        return new TemplateSchema([], []);
    }

    private static List<JsonElement> ReadSampleElements(JsonElement root, List<string> errors)
    {
        var records = new List<JsonElement>();
        if (!root.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Object
            || !data.TryGetProperty("records", out var array) || array.ValueKind != JsonValueKind.Array)
        {
            errors.Add("data.records: required array of sample records is missing");
            return records;
        }

        var index = 0;
        foreach (var record in array.EnumerateArray())
        {
            if (record.ValueKind == JsonValueKind.Object)
            {
                records.Add(record.Clone());
            }
            else
            {
                errors.Add($"data.records[{index}]: must be an object");
            }

            index++;
        }

        if (records.Count == 0 && index == 0)
        {
            errors.Add("data.records: needs at least one sample record");
        }

        return records;
    }

    private static TemplateMetadata? ReadMetadata(JsonElement root, string sourcePath, List<string> errors)
    {
        if (!root.TryGetProperty("metadata", out var m) || m.ValueKind != JsonValueKind.Object)
        {
            errors.Add("metadata: required object is missing");
            return null;
        }

        var count = errors.Count;
        var industry = TemplateJson.String(m, "industry");
        var useCase = TemplateJson.String(m, "use_case");
        var typeName = TemplateJson.String(m, "dataset_type");
        var version = TemplateJson.String(m, "version");
        var recordCount = TemplateJson.Int(m, "default_record_count", "metadata.default_record_count", errors);
        if (!WireNames.TryParse<Industry>(industry, out var knownIndustry))
        {
            errors.Add($"metadata.industry: unknown industry '{industry}'; expected one of {string.Join(", ", WireNames.AllowedNames<Industry>())}");
        }

        if (useCase is null || !SnakeCase().IsMatch(useCase))
        {
            errors.Add("metadata.use_case: required, lower-case snake_case");
        }

        if (!WireNames.TryParse<DatasetType>(typeName, out var datasetType))
        {
            errors.Add($"metadata.dataset_type: unknown dataset type '{typeName}'; expected one of {string.Join(", ", WireNames.AllowedNames<DatasetType>())}");
        }

        if (version is null || !VersionText().IsMatch(version))
        {
            errors.Add("metadata.version: required, e.g. 1.0.0");
        }

        if (recordCount is <= 0 or > MaxRecordCount)
        {
            errors.Add($"metadata.default_record_count: must be between 1 and {MaxRecordCount}");
        }

        if (errors.Count > count)
        {
            return null;
        }

        var metadata = new TemplateMetadata(
            knownIndustry!.Value.ToWireName(), useCase!, datasetType!.Value, version!, recordCount,
            TemplateJson.String(m, "name") ?? $"{industry} {useCase} {typeName}",
            TemplateJson.String(m, "description") ?? string.Empty);
        var segments = sourcePath.Split('/');
        var expected = $"{metadata.Industry}/{metadata.UseCase}/{metadata.DatasetType.ToWireName()}.json";
        if (segments.Length == 3 && !string.Equals(sourcePath, expected, StringComparison.Ordinal))
        {
            errors.Add($"metadata: industry/use_case/dataset_type say '{expected}' but the file is at '{sourcePath}'");
        }

        return metadata;
    }

    [GeneratedRegex("^[a-z][a-z0-9]*(_[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex SnakeCase();

    [GeneratedRegex(@"^[0-9A-Za-z][0-9A-Za-z.\-+]{0,31}$", RegexOptions.CultureInvariant)]
    private static partial Regex VersionText();
}
