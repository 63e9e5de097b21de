using System.Text;
using System.Text.Json;

namespace DataOps.Durable.Runtime;

/// <summary>Serializes payloads at the call site, so a bad or oversized payload fails there and nothing is written.</summary>
internal static class PayloadSerializer
{
    public static string? Serialize(object? value, int maxBytes, string what)
    {
        string? json;
        try
        {
            json = DurableJson.Serialize(value);
        }
        catch (Exception ex) when (ex is NotSupportedException or JsonException or InvalidOperationException or ArgumentException)
        {
            throw new ArgumentException($"The {what} of type '{value?.GetType().FullName}' cannot be serialized to JSON: {ex.Message}", what, ex);
        }

        if (json is not null && Encoding.UTF8.GetByteCount(json) > maxBytes)
        {
            throw new ArgumentException(
                $"The {what} is {Encoding.UTF8.GetByteCount(json)} bytes serialized; the limit is {maxBytes} bytes.", what);
        }

        return json;
    }

    /// <summary>Proves that <paramref name="json"/> can be read as <paramref name="type"/>.</summary>
    public static void EnsureReadableAs(string? json, Type type, string what)
    {
        try
        {
            DurableJson.Deserialize(json, type);
        }
        catch (Exception ex) when (ex is NotSupportedException or JsonException or InvalidOperationException or ArgumentException)
        {
            throw new ArgumentException($"The {what} cannot be read as '{type.FullName}': {ex.Message}", what, ex);
        }
    }
}
