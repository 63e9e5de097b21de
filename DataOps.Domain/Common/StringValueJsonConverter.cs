using System.Text.Json;
using System.Text.Json.Serialization;

namespace DataOps.Domain.Common;

/// <summary>
/// Writes a string value object as a plain JSON string (also as a property name) and validates on read, so ids in
/// queue messages, orchestration inputs and stored JSON look like <c>"ds-1"</c> rather than <c>{"Value":"ds-1"}</c>
/// and an invalid one fails deserialization with the validation reason. System.Text.Json is part of the
/// shared framework, so the domain still references no package.
/// </summary>
/// <typeparam name="T">The value type.</typeparam>
public sealed class StringValueJsonConverter<T> : JsonConverter<T>
    where T : struct, IStringValue<T>
{
    /// <inheritdoc/>
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"Expected a string for {typeof(T).Name}.");
        }

        return Parse(reader.GetString());
    }

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.Value);
    }

    /// <inheritdoc/>
    public override T ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        => Parse(reader.GetString());

    /// <inheritdoc/>
    public override void WriteAsPropertyName(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WritePropertyName(value.Value);
    }

    private static T Parse(string? text)
        => T.TryCreate(text, out var value, out var error)
            ? value
            : throw new JsonException($"Invalid {typeof(T).Name}: {error}");
}
