using System.Text.Json;
using System.Text.Json.Serialization;

namespace DataOps.Functions.Serialization;

/// <summary>
/// The JSON conventions of the product's published language (HTTP bodies, queue messages, archives):
/// camelCase names, enums by their snake_case wire names, value objects (ids, names) as plain strings.
/// </summary>
internal static class DomainJson
{
    /// <summary>Shared, immutable serializer options.</summary>
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.Never,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
        };
        options.Converters.Add(new WireNameEnumConverterFactory());
        options.Converters.Add(new ValueObjectConverterFactory());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
