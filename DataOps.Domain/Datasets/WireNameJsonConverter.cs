using System.Text.Json;
using System.Text.Json.Serialization;

namespace DataOps.Domain.Datasets;

/// <summary>
/// Writes an enum as its snake_case wire name (<see cref="WireNames"/>) and reads it back, refusing numbers and unknown
/// names. Put on an enum type, it makes orchestration inputs and outputs, queue messages and HTTP bodies carry
/// <c>"sandbox"</c> rather than <c>0</c> whichever serializer options the host uses.
/// </summary>
/// <typeparam name="TEnum">The enum.</typeparam>
public sealed class WireNameJsonConverter<TEnum> : JsonConverter<TEnum>
    where TEnum : struct, Enum
{
    /// <inheritdoc/>
    public override TEnum Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"expected one of: {string.Join(", ", WireNames.AllowedNames<TEnum>())}");
        }

        var text = reader.GetString();
        return WireNames.TryParse<TEnum>(text, out var value)
            ? value.Value
            : throw new JsonException($"'{text}' is not one of: {string.Join(", ", WireNames.AllowedNames<TEnum>())}");
    }

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, TEnum value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.ToWireName());
    }
}
