using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using DataOps.Domain.Datasets;

namespace DataOps.Functions.Http;

/// <summary>Collects field errors while reading a JSON request, so one answer names every bad field.</summary>
internal sealed partial class RequestValidation
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    /// <summary>Whether no error was recorded.</summary>
    public bool IsValid => _errors.Count == 0;

    /// <summary>The errors per field, in the shape of RFC 7807 validation problem details.</summary>
    public IDictionary<string, string[]> Errors => _errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);

    /// <summary>Records an error for a field.</summary>
    public void Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var list))
        {
            _errors[field] = list = [];
        }

        list.Add(message);
    }

    /// <summary>Whether a request body is a JSON object; records "must be a JSON object, not ..." for <c>body</c> when not.</summary>
    public bool RequireObject(JsonElement body)
    {
        if (body.ValueKind == JsonValueKind.Object)
        {
            return true;
        }

        Add("body", $"must be a JSON object, not {Describe(body.ValueKind)}");
        return false;
    }

    /// <summary>Reads a required string property; records "is required" or "must be a string".</summary>
    public bool TryString(JsonElement body, string field, [NotNullWhen(true)] out string? value, bool required = true)
    {
        value = null;
        if (!body.TryGetProperty(field, out var element) || element.ValueKind == JsonValueKind.Null)
        {
            if (required)
            {
                Add(field, "is required");
            }

            return false;
        }

        if (element.ValueKind != JsonValueKind.String)
        {
            Add(field, $"must be a string, not {Describe(element.ValueKind)}");
            return false;
        }

        if (!TryGetText(element, out value))
        {
            Add(field, InvalidText);
            return false;
        }

        return true;
    }

    /// <summary>The error for a JSON string that does not decode to valid Unicode text.</summary>
    public const string InvalidText = "must be valid Unicode text (it contains an unpaired surrogate escape such as \\ud800)";

    /// <summary>
    /// Reads a JSON string. False when the string escapes an unpaired UTF-16 surrogate (<c>"\ud800"</c>): valid JSON
    /// syntax that <see cref="JsonElement.GetString"/> refuses with an exception, so it must be a validation error.
    /// </summary>
    public static bool TryGetText(JsonElement element, [NotNullWhen(true)] out string? value)
    {
        try
        {
            value = element.GetString();
        }
        catch (InvalidOperationException) when (element.ValueKind == JsonValueKind.String)
        {
            value = null;
        }

        return value is not null;
    }

    /// <summary>Reads an optional boolean property (default false).</summary>
    public bool Boolean(JsonElement body, string field)
    {
        if (!body.TryGetProperty(field, out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return false;
        }

        if (element.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            return element.GetBoolean();
        }

        Add(field, $"must be true or false, not {Describe(element.ValueKind)}");
        return false;
    }

    /// <summary>
    /// Reads a free-text property (a reason), trimmed: records "is required" when <paramref name="required"/> and absent,
    /// and an error when it is blank or longer than <paramref name="maxLength"/>. Null when absent or bad.
    /// </summary>
    public string? Text(JsonElement body, string field, int maxLength, bool required)
    {
        if (!TryString(body, field, out var raw, required))
        {
            return null;
        }

        var text = raw.Trim();
        if (text.Length == 0)
        {
            Add(field, "must not be empty or only white space");
            return null;
        }

        if (text.Length > maxLength)
        {
            Add(field, $"must be at most {maxLength} characters long (was {text.Length})");
            return null;
        }

        return text;
    }

    /// <summary>Reads an optional wire-name enum property; records the allowed names when it is not one of them.</summary>
    public T? OptionalEnum<T>(JsonElement body, string field)
        where T : struct, Enum
    {
        if (!TryString(body, field, out var raw, required: false))
        {
            return null;
        }

        if (WireNames.TryParse<T>(raw, out var value))
        {
            return value;
        }

        Add(field, $"is not one of: {string.Join(", ", WireNames.AllowedNames<T>())}");
        return null;
    }

    /// <summary>Reads an optional ISO 8601 timestamp with an offset (e.g. <c>2026-01-31T08:00:00Z</c>).</summary>
    public DateTimeOffset? OptionalTimestamp(JsonElement body, string field)
    {
        if (!TryString(body, field, out var raw, required: false))
        {
            return null;
        }

        if (Iso8601WithOffset().IsMatch(raw)
            && DateTimeOffset.TryParse(raw, CultureInfo.InvariantCulture, DateTimeStyles.None, out var value))
        {
            return value;
        }

        Add(field, "must be an ISO 8601 date and time with an offset, e.g. 2026-01-31T08:00:00Z");
        return null;
    }

    /// <summary>Reads an optional whole number within <paramref name="min"/>..<paramref name="max"/>.</summary>
    public int? OptionalInteger(JsonElement body, string field, int min, int max)
    {
        if (!body.TryGetProperty(field, out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (element.ValueKind != JsonValueKind.Number || !element.TryGetInt32(out var value))
        {
            Add(field, element.ValueKind == JsonValueKind.Number ? $"must be a whole number from {min} to {max}" : $"must be a number, not {Describe(element.ValueKind)}");
            return null;
        }

        if (value < min || value > max)
        {
            Add(field, $"must be from {min} to {max} (was {value})");
            return null;
        }

        return value;
    }

    /// <summary>Checks a value with a domain factory's <c>TryCreate</c>; records its error.</summary>
    public bool Check<T>(string field, string? raw, TryCreate<T> factory, [NotNullWhen(true)] out T? value)
    {
        value = default;
        if (raw is null)
        {
            return false;
        }

        if (factory(raw, out var created, out var error))
        {
            value = created!;
            return true;
        }

        Add(field, error ?? "is invalid");
        return false;
    }

    /// <summary>The shape of the domain's <c>TryCreate(string?, out T, out string?)</c> factories.</summary>
    public delegate bool TryCreate<T>(string? raw, out T value, out string? error);

    /// <summary>A JSON kind in words.</summary>
    public static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex Iso8601WithOffset();
}
