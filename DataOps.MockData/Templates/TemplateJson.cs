using System.Text.Json;

namespace DataOps.MockData.Templates;

/// <summary>Small typed readers over <see cref="JsonElement"/> that report a wrong JSON type with its location.</summary>
internal static class TemplateJson
{
    public static string? String(JsonElement owner, string name)
        => owner.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    public static bool? Bool(JsonElement owner, string name, string at, List<string> errors)
    {
        if (!owner.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            return value.GetBoolean();
        }

        errors.Add($"{at}: must be true or false");
        return null;
    }

    public static int? Int(JsonElement owner, string name, string at, List<string> errors)
    {
        if (!owner.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number))
        {
            return number;
        }

        errors.Add($"{at}: must be a whole number");
        return null;
    }

    public static double? Double(JsonElement owner, string name, string at, List<string> errors)
    {
        if (!owner.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Number)
        {
            return value.GetDouble();
        }

        errors.Add($"{at}: must be a number");
        return null;
    }

    public static IReadOnlyList<string>? StringArray(JsonElement owner, string name, string at, List<string> errors)
    {
        if (!owner.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Array && value.EnumerateArray().All(v => v.ValueKind == JsonValueKind.String))
        {
            return value.EnumerateArray().Select(v => v.GetString()!).ToArray();
        }

        errors.Add($"{at}: must be an array of strings");
        return null;
    }
}
