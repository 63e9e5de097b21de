using System.Globalization;
using System.Text.Json;
using DataOps.Domain.Templates;

namespace DataOps.MockData.Templates;

/// <summary>
/// Turns JSON objects into records with the CLR value contract (string, long, double, bool, DateTimeOffset,
/// IReadOnlyList&lt;string&gt;, null). With a schema, values follow the declared field type; a value that cannot take
/// that type is kept as it came (string or raw JSON text) so schema validation reports it rather than hiding it.
/// </summary>
internal static class JsonRecordReader
{
    /// <summary>Reads one JSON object as a record (field order preserved).</summary>
    public static IReadOnlyDictionary<string, object?> Read(JsonElement record, TemplateSchema? schema)
    {
        var values = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var property in record.EnumerateObject())
        {
            var field = schema?.Find(property.Name);
            values[property.Name] = field is null ? ReadUntyped(property.Value) : ReadTyped(property.Value, field.Type);
        }

        return values;
    }

    /// <summary>Reads a value without a declared type: ISO 8601 date-time strings become <see cref="DateTimeOffset"/>.</summary>
    public static object? ReadUntyped(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        JsonValueKind.String => TryParseDateTime(value.GetString()!, out var date) ? date : value.GetString(),
        JsonValueKind.Number => value.TryGetInt64(out var whole) ? (object)whole : value.GetDouble(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Array when value.EnumerateArray().All(i => i.ValueKind == JsonValueKind.String)
            => value.EnumerateArray().Select(i => i.GetString()!).ToArray(),
        _ => value.GetRawText(),
    };

    /// <summary>Reads a value as the given field type, falling back to <see cref="ReadUntyped"/> when it does not fit.</summary>
    public static object? ReadTyped(JsonElement value, FieldType type)
    {
        switch (type)
        {
            case FieldType.Integer when value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var whole):
                return whole;
            case FieldType.Number when value.ValueKind == JsonValueKind.Number:
                return value.GetDouble();
            case FieldType.DateTime when value.ValueKind == JsonValueKind.String && TryParseDateTime(value.GetString()!, out var date):
                return date;
            case FieldType.String or FieldType.Text or FieldType.Email or FieldType.Url or FieldType.DateTime
                when value.ValueKind == JsonValueKind.String:
                return value.GetString();
            default:
                return ReadUntyped(value);
        }
    }

    /// <summary>Parses an ISO 8601 date-time with a time part (<c>2025-01-31T08:00:00Z</c>); plain dates and other text are refused.</summary>
    public static bool TryParseDateTime(string text, out DateTimeOffset value)
    {
        value = default;
        return text.Length is >= 16 and <= 40
            && char.IsAsciiDigit(text[0])
            && text[4] == '-'
            && text[10] is 'T' or 't'
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out value);
    }
}
