using System.Text.Json;
using System.Text.Json.Serialization;
using DataOps.Domain.Datasets;

namespace DataOps.Functions.Serialization;

/// <summary>
/// Writes and reads every domain enum by its snake_case wire name (<see cref="WireNames"/>), numbers refused, with the
/// domain's <see cref="WireNameJsonConverter{TEnum}"/>: also the enums that do not carry it as an attribute.
/// </summary>
internal sealed class WireNameEnumConverterFactory : JsonConverterFactory
{
    /// <inheritdoc />
    public override bool CanConvert(Type typeToConvert) => typeToConvert.IsEnum && typeToConvert.Namespace?.StartsWith("DataOps.Domain", StringComparison.Ordinal) == true;

    /// <inheritdoc />
    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options)
        => (JsonConverter)Activator.CreateInstance(typeof(WireNameJsonConverter<>).MakeGenericType(typeToConvert))!;
}
