using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using System.Text.Json.Serialization.Metadata;
using DataOps.Functions.Access;
using DataOps.Functions.Catalog;
using DataOps.Functions.Operations;
using DataOps.Functions.Operations.Quality;
using DataOps.Functions.Operations.Queries;
using DataOps.Functions.Provisioning;
using DataOps.Functions.Reports;
using DataOps.Functions.Teardown;
using DataOps.Functions.Workflows;
using DataOps.MockData.Catalog;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;

namespace DataOps.Functions.OpenApi;

/// <summary>
/// The component schemas of the JSON the routes answer with, exported from the records the functions return
/// (<see cref="JsonSchemaExporter"/>) with the conventions the responses are written with: camelCase names, nulls
/// written, nullable only where the record says so. Every property a record declares is always written, so each is
/// required and nothing else may appear; a change to a record changes the document, and the tests that read real
/// answers against it notice a record and the document drifting apart.
/// </summary>
internal static class ApiResponseSchemas
{
    public const string DatasetList = nameof(DatasetList);
    public const string DatasetDetail = nameof(DatasetDetail);
    public const string DatasetTimeline = nameof(DatasetTimeline);
    public const string DatasetArchiveContents = nameof(DatasetArchiveContents);
    public const string DatasetOrchestrations = nameof(DatasetOrchestrations);
    public const string RunningTeardownList = nameof(RunningTeardownList);
    public const string OperationsSummary = nameof(OperationsSummary);
    public const string ScanStatus = nameof(ScanStatus);
    public const string TemplateList = nameof(TemplateList);
    public const string TemplateDetail = nameof(TemplateDetail);
    public const string RecommendationResponse = nameof(RecommendationResponse);
    public const string TemplateDiscoveryReport = nameof(TemplateDiscoveryReport);
    public const string BulkRetryResult = nameof(BulkRetryResult);
    public const string CallerView = nameof(CallerView);
    public const string HealthReport = nameof(HealthReport);
    public const string DatasetQuality = nameof(DatasetQuality);
    public const string QualityTrend = nameof(QualityTrend);
    public const string OrchestrationStatus = nameof(OrchestrationStatus);
    public const string TeardownControlAccepted = nameof(TeardownControlAccepted);
    public const string TerminateAccepted = nameof(TerminateAccepted);
    public const string ReportList = nameof(ReportList);
    public const string ReportDocument = nameof(ReportDocument);
    public const string StoredReport = nameof(StoredReport);
    public const string SuccessMetrics = nameof(SuccessMetrics);

    /// <summary>The record behind each response schema.</summary>
    public static IReadOnlyDictionary<string, Type> Types { get; } = new Dictionary<string, Type>(StringComparer.Ordinal)
    {
        [DatasetList] = typeof(DatasetList),
        [DatasetDetail] = typeof(DatasetDetail),
        [DatasetTimeline] = typeof(DatasetTimeline),
        [DatasetArchiveContents] = typeof(DatasetArchiveContents),
        [DatasetOrchestrations] = typeof(DatasetOrchestrations),
        [RunningTeardownList] = typeof(RunningTeardownList),
        [OperationsSummary] = typeof(OperationsSummary),
        [ScanStatus] = typeof(ScanStatus),
        [TemplateList] = typeof(TemplateList),
        [TemplateDetail] = typeof(TemplateDetail),
        [RecommendationResponse] = typeof(RecommendationResponse),
        [TemplateDiscoveryReport] = typeof(TemplateDiscoveryReport),
        [BulkRetryResult] = typeof(BulkRetryResult),
        [CallerView] = typeof(CallerView),
        [HealthReport] = typeof(HealthReport),
        [DatasetQuality] = typeof(DatasetQuality),
        [QualityTrend] = typeof(QualityTrend),
        [OrchestrationStatus] = typeof(HttpManagementPayload),
        [TeardownControlAccepted] = typeof(TeardownControlAccepted),
        [TerminateAccepted] = typeof(TerminateAccepted),
        [ReportList] = typeof(ReportList),
        [ReportDocument] = typeof(ReportDocument),
        [StoredReport] = typeof(StoredReport),
        [SuccessMetrics] = typeof(SuccessMetrics),
    };

    /// <summary>The options the HTTP responses are written with (the web defaults), numbers written as numbers.</summary>
    private static readonly JsonSerializerOptions Written = new(JsonSerializerDefaults.Web)
    {
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.Strict,
        TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
    };

    private static readonly JsonSchemaExporterOptions Exporter = new()
    {
        TreatNullObliviousAsNonNullable = true,
        TransformSchemaNode = Close,
    };

    /// <summary>
    /// The JSON Schema of <paramref name="type"/>'s answers, self-contained: where the exporter refers to a type it has
    /// already written (<c>$ref</c> to a pointer in the same schema), the schema is written again in place, so each
    /// component reads on its own. The records are not recursive; one that were would be refused here.
    /// </summary>
    public static JsonNode JsonSchemaOf(Type type)
    {
        var exported = Written.GetJsonSchemaAsNode(type, Exporter);
        return Inline(exported, exported, depth: 0);
    }

    /// <summary>Every response schema, read into the document's model.</summary>
    public static IEnumerable<(string Name, IOpenApiSchema Schema)> All(OpenApiDocument document)
    {
        foreach (var (name, type) in Types)
        {
            var json = JsonSchemaOf(type).ToJsonString();
            var schema = OpenApiModelFactory.Parse<OpenApiSchema>(json, OpenApiSpecVersion.OpenApi3_1, document, out var diagnostic, "json");
            if (schema is null || diagnostic?.Errors.Count > 0)
            {
                throw new InvalidOperationException($"The response schema {name} does not read back: {string.Join("; ", diagnostic?.Errors.Select(e => e.Message) ?? [])}");
            }

            schema.Description ??= $"The answer's body ({type.Name}).";
            yield return (name, schema);
        }
    }

    // Each object a record writes has every property, always (nulls are written), and no other. A free JSON value
    // (an event's data, a sample record's field) is exported as the schema "true", which OpenAPI writes as {}.
    private static JsonNode Close(JsonSchemaExporterContext context, JsonNode schema)
    {
        if (schema is JsonValue value && value.TryGetValue<bool>(out var any) && any)
        {
            return new JsonObject { ["description"] = "Any JSON value." };
        }

        if (context.TypeInfo.Kind == JsonTypeInfoKind.Object && schema is JsonObject node && node["properties"] is JsonObject properties && properties.Count > 0)
        {
            node["required"] = new JsonArray([.. properties.Select(p => (JsonNode)JsonValue.Create(p.Key))]);
            node["additionalProperties"] = false;
        }

        return schema;
    }

    private static JsonNode Inline(JsonNode node, JsonNode root, int depth)
    {
        if (depth > 32)
        {
            throw new InvalidOperationException("A response record refers to itself; its schema cannot be written in place.");
        }

        switch (node)
        {
            case JsonObject obj when obj["$ref"] is JsonValue pointer && pointer.GetValue<string>() is { } reference && reference.StartsWith('#'):
                return Inline(Resolve(root, reference), root, depth + 1);
            case JsonObject obj:
                var copy = new JsonObject();
                foreach (var (name, value) in obj)
                {
                    copy[name] = value is null ? null : Inline(value, root, depth + 1);
                }

                return copy;
            case JsonArray array:
                return new JsonArray([.. array.Select(item => item is null ? null : Inline(item, root, depth + 1))]);
            default:
                return node.DeepClone();
        }
    }

    private static JsonNode Resolve(JsonNode root, string reference)
    {
        var node = root;
        foreach (var part in reference.TrimStart('#').Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            var name = part.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            node = (node is JsonArray array && int.TryParse(name, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index) ? array[index] : node[name])
                ?? throw new InvalidOperationException($"The exported schema refers to {reference}, which it does not hold.");
        }

        return node;
    }
}
