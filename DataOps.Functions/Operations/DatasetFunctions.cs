using DataOps.Domain.Datasets;
using DataOps.Domain.Registry;
using DataOps.Functions.Http;
using DataOps.Functions.Registry;
using DataOps.Functions.Teardown;
using DataOps.Functions.Validation;
using DataOps.Functions.Workflows;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;

namespace DataOps.Functions.Operations;

/// <summary>The dataset API: list, get, revalidate, tear down.</summary>
public sealed class DatasetFunctions(
    IDatasetRegistry registry,
    QualityHistoryStore history,
    ConnectorStore connectors,
    JourneyProjectionStore journeys,
    IOptions<WorkflowOptions> options)
{
    /// <summary><c>GET /api/datasets?clientId=&amp;journeyId=&amp;stage=&amp;status=&amp;pageSize=&amp;continuationToken=</c>.</summary>
    [Function(nameof(ListDatasets))]
    public async Task<IResult> ListDatasets(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "datasets")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var validation = new RequestValidation();
        var query = DatasetQueryReader.Read(request.Query, validation);
        if (query is null)
        {
            return Results.ValidationProblem(validation.Errors, title: "The query is invalid.");
        }

        try
        {
            var page = await registry.ListAsync(query, cancellationToken);
            return Results.Ok(new { items = page.Items.Select(DatasetView.From), continuationToken = page.ContinuationToken });
        }
        catch (ArgumentException ex) when (ex.ParamName == "token")
        {
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["continuationToken"] = ["is not a token this API issued"] }, title: "The query is invalid.");
        }
    }

    /// <summary><c>GET /api/datasets/{id}</c>: the dataset with its quality checks and connector.</summary>
    [Function(nameof(GetDataset))]
    public async Task<IResult> GetDataset(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "datasets/{id}")] HttpRequest request,
        string id,
        CancellationToken cancellationToken)
    {
        var (record, problem) = await DatasetLookup.FindAsync(registry, id, cancellationToken);
        if (record is null)
        {
            return problem!;
        }

        var snapshot = record.Dataset.ToSnapshot();
        var checks = await history.ReadAsync(id, cancellationToken);
        var connector = await connectors.GetAsync(snapshot.ConnectorName.Value, cancellationToken);
        return Results.Ok(new
        {
            dataset = DatasetView.From(snapshot),
            qualityChecks = checks.Select(c => new { validatedAt = c.ValidatedAt, c.Check.CheckType, c.Check.Score, c.Check.Threshold, c.Check.Passed, c.Check.Errors, c.Check.Warnings }),
            connector = new
            {
                name = snapshot.ConnectorName.Value,
                gleanDatasource = connector?.Connector.DatasourceName,
                status = connector?.Status ?? "not_created",
                lastHealthCheck = connector?.LastHealthCheck,
            },
        });
    }

    /// <summary><c>POST /api/datasets/{id}/validate</c>: revalidates a READY dataset (202 with the orchestration status).</summary>
    [Function(nameof(ValidateDatasetNow))]
    public async Task<IResult> ValidateDatasetNow(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "datasets/{id}/validate")] HttpRequest request,
        string id,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        var (record, problem) = await DatasetLookup.FindAsync(registry, id, cancellationToken);
        if (record is null)
        {
            return problem!;
        }

        if (record.Dataset.Status != DatasetStatus.Ready)
        {
            return Conflict($"Dataset '{id}' is {record.Dataset.Status.ToWireName()}; only a ready dataset can be revalidated.");
        }

        var instanceId = await client.ScheduleNewOrchestrationInstanceAsync(
            nameof(RevalidateDataset),
            new RevertToValidatingInput(record.Dataset.Id, "revalidation requested"),
            new StartOrchestrationOptions(LifecycleWorkflows.NewRevalidation(record.Dataset.Id)),
            cancellationToken);
        return client.CreateCheckStatusResponse(request, instanceId);
    }

    /// <summary><c>POST /api/datasets/{id}/teardown</c> with <c>{reason, force}</c>: 202, or 409 when the safety rule refuses.</summary>
    [Function(nameof(TeardownDatasetNow))]
    public async Task<IResult> TeardownDatasetNow(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "datasets/{id}/teardown")] HttpRequest request,
        string id,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(client);
        var validation = new RequestValidation();
        DatasetId.TryCreate(id, out var datasetId, out var idError);
        if (idError is not null)
        {
            validation.Add("id", idError);
        }

        var (body, bodyError) = await JsonBody.ReadAsync(request, cancellationToken);
        if (bodyError is not null)
        {
            return bodyError;
        }

        var reason = TeardownReason.Manual;
        var force = false;
        if (validation.RequireObject(body))
        {
            if (validation.TryString(body, "reason", out var reasonRaw, required: false))
            {
                if (WireNames.TryParse<TeardownReason>(reasonRaw, out var parsed))
                {
                    reason = parsed.Value;
                }
                else
                {
                    validation.Add("reason", $"is not one of: {string.Join(", ", WireNames.AllowedNames<TeardownReason>())}");
                }
            }

            force = validation.Boolean(body, "force");
        }

        if (!validation.IsValid)
        {
            return Results.ValidationProblem(validation.Errors, title: "The teardown request is invalid.");
        }

        var record = await registry.GetAsync(datasetId, cancellationToken);
        if (record is null)
        {
            return DatasetLookup.NotFound(id);
        }

        var instanceId = LifecycleWorkflows.Teardown(datasetId);
        if (await client.GetInstanceAsync(instanceId, false, cancellationToken) is { IsRunning: true })
        {
            return client.CreateCheckStatusResponse(request, instanceId);
        }

        if (record.Dataset.Status == DatasetStatus.Archived)
        {
            return Conflict($"Dataset '{id}' is already archived.");
        }

        var journey = await journeys.GetAsync(record.Dataset.JourneyId.Value, cancellationToken);
        var safety = TeardownSafety.Check(record.Dataset, journey?.ToState(), reason, force);
        if (!safety.Allowed)
        {
            return Conflict(safety.Reason);
        }

        // When a concurrent request started it first, the answer is that teardown.
        var input = new TeardownDatasetInput(record.Dataset.Id, reason, force, options.Value.Teardown.GracePeriod);
        await LifecycleWorkflows.StartOnceAsync(client, nameof(TeardownDataset), input, instanceId, onlyIfNotRunning: true, cancellationToken);

        return client.CreateCheckStatusResponse(request, instanceId);
    }

    private static IResult Conflict(string detail)
        => Results.Problem(title: "The dataset cannot do that now.", detail: detail, statusCode: StatusCodes.Status409Conflict);
}
