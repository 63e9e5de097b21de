using System.Text.Json;
using System.Text.Json.Serialization;

namespace DataOps.Glean.Wire;

/// <summary>Glean's JSON conventions: camelCase, nulls left out.</summary>
internal static class GleanJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}
