using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace DataOps.Functions.Http;

/// <summary>Collects field errors while reading a JSON request, so one answer names every bad field.</summary>
internal sealed class RequestValidation
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
}
