using System.Collections.Frozen;
using DataOps.Domain.Datasets;
using DataOps.Domain.Templates;
using DataOps.Functions.Access;
using DataOps.Functions.Operations;
using DataOps.Functions.Operations.Dashboard;
using DataOps.Functions.Operations.Quality;
using DataOps.Functions.Provisioning;
using DataOps.Functions.Registry;
using DataOps.Functions.Reports;
using DataOps.Functions.Teardown;
using DataOps.Functions.Validation;

namespace DataOps.Functions.OpenApi;

/// <summary>
/// What the API description says of each HTTP function, keyed by function name; the methods and routes come from the
/// functions themselves (<see cref="ApiRoute"/>). A function missing here fails the document's test.
/// </summary>
internal static class ApiOperations
{
    private const string Datasets = "Datasets";
    private const string Teardowns = "Teardowns";
    private const string Templates = "Templates";
    private const string Operations = "Operations";
    private const string Reports = "Reports";
    private const string Service = "Service";

    // Problem statuses by what a route does: every route can be asked with a method it does not serve (405).
    private static readonly int[] Signed = [401, 403, 405];
    private static readonly int[] OnDataset = [400, 401, 403, 404, 405];
    private static readonly int[] WithBody = [400, 413, 415];

    private static readonly ApiSuccess Started = new(202, "Started: the orchestration's id and its status links.", ApiResponseSchemas.OrchestrationStatus);

    public static FrozenDictionary<string, ApiOperation> ByFunction { get; } = new Dictionary<string, ApiOperation>(StringComparer.Ordinal)
    {
        [nameof(ProvisionFunctions.ProvisionDatasets)] = new(Datasets, "Provision a journey's datasets", ApiAccess.Provision)
        {
            Description = "Idempotent per journey and stage: repeating a running request answers 202 with the running instance; 409 when every requested type is already active for the client and stage. A person's requestedBy is its token's name, not the body's.",
            Body = ApiSchemas.ProvisionRequest,
            Success = [Started],
            Problems = [.. Signed, 409, .. WithBody],
        },
        [nameof(DatasetFunctions.ListDatasets)] = new(Datasets, "List datasets", ApiAccess.SignedIn)
        {
            Query =
            [
                new("clientId", "Only this client's datasets."),
                new("journeyId", "Only this journey's datasets."),
                new("stage", "Only datasets of this stage.", WireNames.AllowedNames<Stage>()),
                new("status", "Only datasets in this status.", WireNames.AllowedNames<DatasetStatus>()),
                new("pageSize", $"Datasets per page, 1 to {DatasetQuery.MaxPageSize}.", Integer: true),
                new("continuationToken", "The token of the previous page."),
            ],
            Success = [new(200, "A page of datasets (items) and the token of the next page.", ApiResponseSchemas.DatasetList)],
            Problems = [400, .. Signed],
        },
        [nameof(DatasetFunctions.GetDataset)] = new(Datasets, "Get a dataset with its quality checks and connector", ApiAccess.Dataset(DatasetAction.Read))
        {
            Success = [new(200, "The dataset, every check of every validation run, and its connector.", ApiResponseSchemas.DatasetDetail)],
            Problems = OnDataset,
        },
        [nameof(DatasetInsightFunctions.GetDatasetTimeline)] = new(Datasets, "A dataset's domain events, oldest first", ApiAccess.Dataset(DatasetAction.Read))
        {
            Success = [new(200, "The timeline.", ApiResponseSchemas.DatasetTimeline)],
            Problems = OnDataset,
        },
        [nameof(DatasetInsightFunctions.GetDatasetArchive)] = new(Datasets, "The blobs of a dataset's archive", ApiAccess.Dataset(DatasetAction.Read))
        {
            Success = [new(200, "The archive's blobs (none before a teardown archived it).", ApiResponseSchemas.DatasetArchiveContents)],
            Problems = OnDataset,
        },
        [nameof(DatasetInsightFunctions.GetDatasetOrchestrations)] = new(Datasets, "The orchestrations that worked on a dataset", ApiAccess.Dataset(DatasetAction.Read))
        {
            Success = [new(200, "The orchestrations, with their history.", ApiResponseSchemas.DatasetOrchestrations)],
            Problems = OnDataset,
        },
        [nameof(DatasetInsightFunctions.GetDatasetQuality)] = new(Datasets, "A dataset's quality over time: every validation run", ApiAccess.Dataset(DatasetAction.Read))
        {
            Success = [new(200, "Every run's checks, score, outcome, trigger and template version, oldest first.", ApiResponseSchemas.DatasetQuality)],
            Problems = OnDataset,
        },
        [nameof(QualityFunctions.GetQualityTrends)] = new(Datasets, "Quality trends: validation runs day by day", ApiAccess.SignedIn)
        {
            Description = "An Engineer's trend covers only its clients.",
            Query =
            [
                new("clientId", "Only this client's datasets."),
                new("templateId", "Only datasets built from this template."),
                new("stage", "Only datasets of this stage.", WireNames.AllowedNames<Stage>()),
                new("datasetType", "Only datasets of this type.", WireNames.AllowedNames<DatasetType>()),
                new("days", $"Days in the window, today included: 1 to {QualityTrendQuery.MaxDays} ({QualityTrendQuery.DefaultDays} when absent).", Integer: true),
            ],
            Success = [new(200, "The window's figures and each day's.", ApiResponseSchemas.QualityTrend)],
            Problems = [400, .. Signed],
        },
        [nameof(ValidationFunctions.ValidateDatasetNow)] = new(Datasets, "Revalidate a READY dataset", ApiAccess.Dataset(DatasetAction.Work))
        {
            Success = [Started],
            Problems = [.. OnDataset, 409, 413],
        },
        [nameof(TeardownFunctions.TeardownDatasetNow)] = new(Datasets, "Tear a dataset down", ApiAccess.Dataset(DatasetAction.Operate))
        {
            Description = "409 when the safety rule refuses (force overrides it where allowed).",
            Body = ApiSchemas.TeardownRequest,
            Success = [Started],
            Problems = [.. OnDataset, 409, 413, 415],
        },
        [nameof(RetryFunctions.RetryFailedDataset)] = new(Datasets, "Provision a FAILED dataset again in place", ApiAccess.Dataset(DatasetAction.Work))
        {
            Description = "Same id, next attempt; 409 when it is not FAILED or another dataset holds its slot.",
            Body = ApiSchemas.RetryRequest,
            Success = [Started],
            Problems = [.. OnDataset, 409, 413, 415],
        },
        [nameof(RetryFunctions.RetryFailedDatasets)] = new(Datasets, "Retry every FAILED dataset matching a filter", ApiAccess.OperatorOnly)
        {
            Description = $"Oldest failure first, at most {RetryFailedDatasetsCommand.MaxDatasets}; give at least one filter.",
            Body = ApiSchemas.BulkRetryRequest,
            Success = [new(202, "What started and what was refused, and why.", ApiResponseSchemas.BulkRetryResult), new(200, "Nothing started: what was refused, and why.", ApiResponseSchemas.BulkRetryResult)],
            Problems = [.. Signed, .. WithBody],
        },
        [nameof(OperationsFunctions.ListTeardowns)] = new(Teardowns, "Teardowns still running, with their phase and grace period", ApiAccess.SignedIn)
        {
            Success = [new(200, "The running teardowns (items).", ApiResponseSchemas.RunningTeardownList)],
            Problems = Signed,
        },
        [nameof(TeardownFunctions.CancelTeardownNow)] = new(Teardowns, "Cancel a teardown and restore the dataset", ApiAccess.Dataset(DatasetAction.Operate))
        {
            Description = "While it archives or waits out its grace period; 404 when the dataset never had a teardown, 409 when it is deleting or over.",
            Body = ApiSchemas.CancelTeardownRequest,
            Success = [new(202, "The cancel was sent.", ApiResponseSchemas.TeardownControlAccepted)],
            Problems = [.. OnDataset, 409, 413, 415],
        },
        [nameof(TeardownFunctions.ExtendTeardown)] = new(Teardowns, "Extend a teardown's grace period", ApiAccess.Dataset(DatasetAction.Operate))
        {
            Description = $"By 1 to {TeardownControlCommand.MaxExtensionHours} hours; 404 when the dataset never had a teardown, 409 when it is deleting or over.",
            Body = ApiSchemas.ExtendTeardownRequest,
            Success = [new(202, "The extension was sent.", ApiResponseSchemas.TeardownControlAccepted)],
            Problems = [.. OnDataset, 409, 413, 415],
        },
        [nameof(TeardownFunctions.TerminateTeardown)] = new(Teardowns, "Terminate a teardown where it stands and restore the dataset", ApiAccess.Dataset(DatasetAction.Operate))
        {
            Description = "404 when the dataset never had a teardown, 409 when it has finished or is past its grace period.",
            Body = ApiSchemas.TerminateTeardownRequest,
            Success = [new(202, "The termination was sent.", ApiResponseSchemas.TerminateAccepted)],
            Problems = [.. OnDataset, 409, 413, 415],
        },
        [nameof(OperationsFunctions.GetOperationsSummary)] = new(Operations, "Datasets by status and provisioning durations", ApiAccess.EstateRead)
        {
            Success = [new(200, "The summary.", ApiResponseSchemas.OperationsSummary)],
            Problems = Signed,
        },
        [nameof(OperationsFunctions.GetScanStatus)] = new(Operations, "Schedule and last run of the orphan scan and the health sweep", ApiAccess.EstateRead)
        {
            Success = [new(200, "The scans.", ApiResponseSchemas.ScanStatus)],
            Problems = Signed,
        },
        [nameof(MetricsFunctions.GetSuccessMetrics)] = new(Operations, "The seeds' success metrics over a window, each with its target", ApiAccess.EstateRead)
        {
            Description = "First-attempt success, quality score distribution, teardown completion, active orphans (now) and provisioning p50/p95, with the counts behind each figure and whether it meets its target.",
            Query =
            [
                new("from", "Start of the window (inclusive), ISO 8601 date or time in UTC; 30 days before to when absent."),
                new("to", "End of the window (exclusive), ISO 8601 date or time in UTC; now when absent."),
            ],
            Success = [new(200, "The metrics.", ApiResponseSchemas.SuccessMetrics)],
            Problems = [400, .. Signed],
        },
        [nameof(ReportFunctions.ListReports)] = new(Reports, "The compliance reports, their schedules and the days each is stored for", ApiAccess.EstateRead)
        {
            Success = [new(200, "The reports.", ApiResponseSchemas.ReportList)],
            Problems = Signed,
        },
        [nameof(ReportFunctions.DownloadReport)] = new(Reports, "Download one stored report as JSON or CSV", ApiAccess.EstateRead)
        {
            Description = "An attachment named {name}-{date}.json or .csv; 404 for an unknown report or a day it was not produced.",
            Query = [new("format", "json (default) or csv.", ["json", "csv"])],
            Success = [new(200, "The report: JSON as below, or its rows as CSV (text/csv) with format=csv.", ApiResponseSchemas.ReportDocument)],
            AlternateMediaType = "text/csv",
            Problems = [400, .. Signed, 404],
        },
        [nameof(ReportFunctions.ProduceReport)] = new(Reports, "Produce a compliance report now", ApiAccess.OperatorOnly)
        {
            Description = "Written under today's date (UTC) as JSON and CSV, replacing one produced earlier the same day.",
            Body = ApiSchemas.ProduceReportRequest,
            Success = [new(200, "Where the report went.", ApiResponseSchemas.StoredReport)],
            Problems = [.. Signed, .. WithBody],
        },
        ["ListTemplates"] = new(Templates, "List templates", ApiAccess.SignedIn)
        {
            Query =
            [
                new("industry", "Only this industry's templates.", WireNames.AllowedNames<Industry>()),
                new("useCase", "Only this use case's templates."),
                new("datasetType", "Only templates of this dataset type.", WireNames.AllowedNames<DatasetType>()),
            ],
            Success = [new(200, "The templates.", ApiResponseSchemas.TemplateList)],
            Problems = [400, .. Signed],
        },
        ["GetTemplate"] = new(Templates, "One template with its schema, sample data and statistics", ApiAccess.SignedIn)
        {
            Success = [new(200, "The template.", ApiResponseSchemas.TemplateDetail)],
            Problems = [400, .. Signed, 404],
        },
        ["RecommendTemplates"] = new(Templates, "Ranked templates per dataset type for an industry and use case", ApiAccess.SignedIn)
        {
            Body = ApiSchemas.RecommendRequest,
            Success = [new(200, "The recommendations.", ApiResponseSchemas.RecommendationResponse)],
            Problems = [.. Signed, .. WithBody],
        },
        ["DiscoverTemplates"] = new(Templates, "Rescan the template tree into the catalog", ApiAccess.OperatorOnly)
        {
            Success = [new(200, "What the rescan found.", ApiResponseSchemas.TemplateDiscoveryReport)],
            Problems = [.. Signed, 413],
        },
        [nameof(AccessFunctions.GetCaller)] = new(Service, "Who the API takes the caller for and what its roles let it do", ApiAccess.AnyCredential)
        {
            Success = [new(200, "The caller's kind, name, roles, clients and permissions.", ApiResponseSchemas.CallerView)],
            Problems = [401, 405],
        },
        [nameof(HealthFunction.Health)] = new(Service, "Health of storage, the task hub and Glean", ApiAccess.Anonymous)
        {
            Success = [new(200, "Healthy.", ApiResponseSchemas.HealthReport), new(503, "Unhealthy: the failing checks.", ApiResponseSchemas.HealthReport)],
            Problems = [405],
        },
        [nameof(DashboardFunction.Dashboard)] = new(Service, "The operator dashboard's static files", ApiAccess.Anonymous)
        {
            Description = "The page asks for a credential and sends it to the JSON API; it holds no data itself.",
            SuccessMediaType = "text/html",
            Success = [new(200, "The page or one of its files.")],
            Problems = [404, 405],
        },
        [nameof(OpenApiFunctions.GetOpenApiDocument)] = new(Service, "This API description (OpenAPI 3.1)", ApiAccess.Anonymous)
        {
            Success = [new(200, "The OpenAPI document.")],
            Problems = [405],
        },
        [nameof(OpenApiFunctions.ApiDocs)] = new(Service, "A browsable page of this API description", ApiAccess.Anonymous)
        {
            SuccessMediaType = "text/html",
            Success = [new(200, "The page or one of its files.")],
            Problems = [404, 405],
        },
    }.ToFrozenDictionary(StringComparer.Ordinal);
}
