using System.Text.Json;
using System.Text.Json.Serialization;
using DataOps.Domain.Datasets;

namespace DataOps.Functions.Serialization;

/// <summary>Writes and reads the domain's enums by their snake_case wire names (<see cref="WireNames"/>); numbers are refused.</summary>
internal sealed class WireNameEnumConverterFactory : JsonConverterFactory
{
    /// <inheritdoc />
    public override bool CanConvert(Type typeToConvert) => typeToConvert.IsEnum && typeToConvert.Namespace?.StartsWith("DataOps.Domain", StringComparison.Ordinal) == true;

    /// <inheritdoc />
    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options)
        => (JsonConverter)Activator.CreateInstance(typeof(WireNameEnumConverter<>).MakeGenericType(typeToConvert))!;

    private sealed class WireNameEnumConverter<TEnum> : JsonConverter<TEnum>
        where TEnum : struct, Enum
    {
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

        public override void Write(Utf8JsonWriter writer, TEnum value, JsonSerializerOptions options) => writer.WriteStringValue(value.ToWireName());
    }
}
