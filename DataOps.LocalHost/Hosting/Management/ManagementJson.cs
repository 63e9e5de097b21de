using System.Text.Json;
using System.Text.Json.Serialization;

namespace DataOps.LocalHost.Hosting.Management;

/// <summary>JSON of the management API: camelCase, status names as strings, as Durable Functions writes them.</summary>
internal static class ManagementJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };
}
