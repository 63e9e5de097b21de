using System.Globalization;
using System.Text.Json.Nodes;
using DataOps.Domain.Datasets;
using DataOps.Domain.Templates;
using DataOps.Functions.Provisioning;
using DataOps.Functions.Reports;
using DataOps.Functions.Teardown;
using Microsoft.OpenApi;

namespace DataOps.Functions.OpenApi;

/// <summary>
/// The document's component schemas: problem details, and the request bodies as the request readers accept them
/// (fields, required or optional, enums from the wire names, the readers' limits).
/// </summary>
internal static class ApiSchemas
{
    public const string ProblemDetails = nameof(ProblemDetails);
    public const string ValidationProblemDetails = nameof(ValidationProblemDetails);
    public const string ProvisionRequest = nameof(ProvisionRequest);
    public const string TeardownRequest = nameof(TeardownRequest);
    public const string RetryRequest = nameof(RetryRequest);
    public const string BulkRetryRequest = nameof(BulkRetryRequest);
    public const string CancelTeardownRequest = nameof(CancelTeardownRequest);
    public const string ExtendTeardownRequest = nameof(ExtendTeardownRequest);
    public const string TerminateTeardownRequest = nameof(TerminateTeardownRequest);
    public const string RecommendRequest = nameof(RecommendRequest);
    public const string ProduceReportRequest = nameof(ProduceReportRequest);

    /// <summary>Every component schema by name.</summary>
    public static Dictionary<string, IOpenApiSchema> All() => new(StringComparer.Ordinal)
    {
        [ProblemDetails] = Object("RFC 7807 problem details.", [],
            ("type", Text("A URI naming the problem type.")),
            ("title", Text("A short summary of the problem.")),
            ("status", Integer("The HTTP status.")),
            ("detail", Text("What went wrong, for this request.")),
            ("instance", Text("The request it concerns."))),
        [ValidationProblemDetails] = Object("RFC 7807 problem details naming every invalid field.", ["errors"],
            ("type", Text("A URI naming the problem type.")),
            ("title", Text("A short summary of the problem.")),
            ("status", Integer("The HTTP status: 400.")),
            ("detail", Text("What went wrong.")),
            ("errors", new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                Description = "The messages for each invalid field (body, a field name, or a query parameter).",
                AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.Array, Items = Text("A message.") },
            })),
        [ProvisionRequest] = Object("A request to provision a journey's datasets.", ["journeyId", "clientId", "clientName", "industry", "useCase", "stage", "datasetTypes"],
            ("journeyId", Text("The journey's id.")),
            ("clientId", Text("The client's id.")),
            ("clientName", Text("The client's name.")),
            ("industry", Enum<Industry>("The client's industry.")),
            ("useCase", Text("The use case, e.g. clinical_workflows.")),
            ("stage", Enum<Stage>("The journey's stage.")),
            ("datasetTypes", new OpenApiSchema { Type = JsonSchemaType.Array, Description = "The dataset types, each once.", MinItems = 1, UniqueItems = true, Items = Enum<DatasetType>("A dataset type.") }),
            ("requestedBy", Text($"Who asks (1-{ProvisionRequestReader.MaxRequestedByLength} printable characters); required with a function key, ignored for a bearer token, whose name is used.", ProvisionRequestReader.MaxRequestedByLength))),
        [TeardownRequest] = Object("A teardown request.", [],
            ("reason", Enum<TeardownReason>("Why; manual when absent.")),
            ("force", new OpenApiSchema { Type = JsonSchemaType.Boolean, Description = "Tear down even where the safety rule would refuse, where that is allowed." })),
        [RetryRequest] = Object("A retry request.", [],
            ("reason", Text($"Why; \"{RetryDatasetCommand.DefaultReason}\" when absent.", RetryDatasetCommand.MaxReasonLength))),
        [BulkRetryRequest] = Object("A bulk retry: at least one of clientId, journeyId, stage, failedSince.", [],
            ("clientId", Text("Only this client's datasets.")),
            ("journeyId", Text("Only this journey's datasets.")),
            ("stage", Enum<Stage>("Only datasets of this stage.")),
            ("failedSince", new OpenApiSchema { Type = JsonSchemaType.String, Format = "date-time", Description = "Only datasets that failed at or after this time." }),
            ("reason", Text($"Why; \"{RetryDatasetCommand.DefaultReason}\" when absent.", RetryDatasetCommand.MaxReasonLength))),
        [CancelTeardownRequest] = Object("A request to cancel a teardown.", ["reason"],
            ("reason", Text("Why.", TerminateTeardownCommand.MaxReasonLength))),
        [ExtendTeardownRequest] = Object("A request to extend a teardown's grace period.", ["hours", "reason"],
            ("hours", new OpenApiSchema { Type = JsonSchemaType.Integer, Description = "Hours to add.", Minimum = "1", Maximum = TeardownControlCommand.MaxExtensionHours.ToString(CultureInfo.InvariantCulture) }),
            ("reason", Text("Why.", TerminateTeardownCommand.MaxReasonLength))),
        [TerminateTeardownRequest] = Object("A request to terminate a teardown.", ["reason"],
            ("reason", Text("Why.", TerminateTeardownCommand.MaxReasonLength))),
        [RecommendRequest] = Object("A recommendation request.", ["industry", "useCase"],
            ("industry", Enum<Industry>("The client's industry (not generic).")),
            ("useCase", Text("The use case.")),
            ("datasetTypes", new OpenApiSchema { Type = JsonSchemaType.Array, Description = "Only these dataset types; every type when absent.", MinItems = 1, Items = Enum<DatasetType>("A dataset type.") })),
        [ProduceReportRequest] = Object("A request to produce a compliance report now.", ["report"],
            ("report", Values(ReportCatalog.All.Select(r => r.Name), "The report to produce."))),
    };

    /// <summary>A string schema taking the wire names of <typeparamref name="TEnum"/>.</summary>
    public static OpenApiSchema Enum<TEnum>(string description)
        where TEnum : struct, System.Enum
        => Values(WireNames.AllowedNames<TEnum>(), description);

    /// <summary>A string schema taking <paramref name="values"/>.</summary>
    public static OpenApiSchema Values(IEnumerable<string> values, string description)
        => new() { Type = JsonSchemaType.String, Description = description, Enum = [.. values.Select(v => (JsonNode)JsonValue.Create(v))] };

    private static OpenApiSchema Text(string description, int? maxLength = null)
        => new() { Type = JsonSchemaType.String, Description = description, MaxLength = maxLength };

    private static OpenApiSchema Integer(string description) => new() { Type = JsonSchemaType.Integer, Description = description };

    private static OpenApiSchema Object(string description, string[] required, params (string Name, IOpenApiSchema Schema)[] properties) => new()
    {
        Type = JsonSchemaType.Object,
        Description = description,
        Required = required.Length == 0 ? null : new HashSet<string>(required, StringComparer.Ordinal),
        Properties = properties.ToDictionary(p => p.Name, p => p.Schema, StringComparer.Ordinal),
    };
}
