using System.Text.Json;
using DataOps.Domain.Quality;
using DataOps.Domain.Templates;

namespace DataOps.MockData.Templates;

/// <summary>
/// Infers a schema from sample records for templates that declare none: a field's type is the narrowest that
/// fits every non-null sample value, and it is required when every sample carries a non-empty value. No
/// length or enum constraints are inferred (a handful of samples cannot justify them).
/// </summary>
internal static class SchemaInference
{
    private const int LongTextThreshold = 200;

    /// <summary>Infers the schema; fields in first-seen order.</summary>
    public static TemplateSchema Infer(IReadOnlyList<JsonElement> records)
    {
        var names = new List<string>();
        foreach (var record in records)
        {
            foreach (var property in record.EnumerateObject())
            {
                if (!names.Contains(property.Name, StringComparer.Ordinal))
                {
                    names.Add(property.Name);
                }
            }
        }

        var fields = names.Select(name =>
        {
            var values = records
                .Select(r => r.TryGetProperty(name, out var v) ? v : default)
                .ToList();
            var present = values.Where(v => v.ValueKind is not (JsonValueKind.Undefined or JsonValueKind.Null)).ToList();
            var required = present.Count == records.Count && present.All(v => !IsEmpty(v));
            return new FieldDefinition(name, InferType(present), required);
        }).ToList();
        return new TemplateSchema(fields, []);
    }

    private static bool IsEmpty(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => string.IsNullOrWhiteSpace(value.GetString()),
        JsonValueKind.Array => value.GetArrayLength() == 0,
        _ => false,
    };

    private static FieldType InferType(List<JsonElement> values)
    {
        if (values.Count == 0)
        {
            return FieldType.String;
        }

        if (values.All(v => v.ValueKind is JsonValueKind.True or JsonValueKind.False))
        {
            return FieldType.Boolean;
        }

        if (values.All(v => v.ValueKind == JsonValueKind.Number))
        {
            return values.All(v => v.TryGetInt64(out _)) ? FieldType.Integer : FieldType.Number;
        }

        if (values.All(v => v.ValueKind == JsonValueKind.Array && v.EnumerateArray().All(i => i.ValueKind == JsonValueKind.String)))
        {
            return FieldType.StringList;
        }

        if (!values.All(v => v.ValueKind == JsonValueKind.String))
        {
            return FieldType.Text;
        }

        var strings = values.Select(v => v.GetString()!).ToList();
        if (strings.All(s => JsonRecordReader.TryParseDateTime(s, out _)))
        {
            return FieldType.DateTime;
        }

        if (strings.All(s => FieldValueRules.HasExpectedType(FieldType.Email, s)))
        {
            return FieldType.Email;
        }

        if (strings.All(s => FieldValueRules.HasExpectedType(FieldType.Url, s)))
        {
            return FieldType.Url;
        }

        return strings.Any(s => s.Length > LongTextThreshold || s.Contains('\n', StringComparison.Ordinal)) ? FieldType.Text : FieldType.String;
    }
}
