using DataOps.Domain.Datasets;
using DataOps.Functions.Access;
using DataOps.Functions.Http;
using DataOps.Functions.Workflows;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace DataOps.Functions.Provisioning;

/// <summary>The retry API: provision FAILED datasets again, one or every one matching a filter.</summary>
public sealed class RetryFunctions(RetryDatasetHandler retry, RequestAccess access, DatasetAccess datasetAccess, CommandAudit audit)
{
    /// <summary>
    /// <c>POST /api/datasets/{id}/retry</c> with <c>{reason?}</c>: provisions a FAILED dataset again in place (same id, next
    /// attempt); 202 with the retry's status links, 404 for an unknown dataset, 409 when it is not FAILED or another
    /// dataset holds its slot.
    /// </summary>
    [Function(nameof(RetryFailedDataset))]
    public async Task<IResult> RetryFailedDataset(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "datasets/{id}/retry")] HttpRequest request,
        string id,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(client);
        var check = await datasetAccess.CheckAsync(request, id, DatasetAction.Work, "retry this dataset", () => DatasetLookup.NotFound(id), cancellationToken);
        if (!check.Allowed)
        {
            return check.Refusal!;
        }

        var (validation, datasetId, body, bodyError) = await DatasetCommandRequest.ReadAsync(request, id, cancellationToken);
        if (bodyError is not null)
        {
            return bodyError;
        }

        string? reason = null;
        if (validation.RequireObject(body))
        {
            reason = validation.Text(body, "reason", RetryDatasetCommand.MaxReasonLength, required: false);
        }

        if (!validation.IsValid)
        {
            return Results.ValidationProblem(validation.Errors, title: "The retry request is invalid.");
        }

        var result = await retry.HandleAsync(client, new RetryDatasetCommand(datasetId, reason ?? RetryDatasetCommand.DefaultReason), cancellationToken);
        if (result.Status == CommandStatus.Accepted)
        {
            await audit.RecordAsync(check.Caller!, "retry", id, instanceId: result.InstanceId, reason: reason ?? RetryDatasetCommand.DefaultReason, cancellationToken: cancellationToken);
        }

        return result.Status switch
        {
            CommandStatus.Accepted => client.CreateCheckStatusResponse(request, result.InstanceId!),
            CommandStatus.NotFound => DatasetLookup.NotFound(id),
            _ => Results.Problem(title: "The dataset cannot be retried.", detail: result.Refusal, statusCode: StatusCodes.Status409Conflict),
        };
    }

    /// <summary>
    /// <c>POST /api/datasets/retry</c> with <c>{clientId?, journeyId?, stage?, failedSince?, reason?}</c> (at least one
    /// filter): retries every FAILED dataset that matches, oldest failure first, at most
    /// <see cref="RetryFailedDatasetsCommand.MaxDatasets"/>; 202 with what started and what was refused and why, 200
    /// when nothing started. A bulk action: operators only.
    /// </summary>
    [Function(nameof(RetryFailedDatasets))]
    public async Task<IResult> RetryFailedDatasets(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "datasets/retry")] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(client);
        var check = await access.RequireAsync(request, c => c.IsOperator, "retry datasets in bulk");
        if (!check.Allowed)
        {
            return check.Refusal!;
        }

        var (body, bodyError) = await JsonBody.ReadAsync(request, cancellationToken);
        if (bodyError is not null)
        {
            return bodyError;
        }

        var validation = new RequestValidation();
        RetryFailedDatasetsCommand? command = null;
        if (validation.RequireObject(body))
        {
            validation.TryString(body, "clientId", out var clientRaw, required: false);
            ClientId? clientId = validation.Check<ClientId>("clientId", clientRaw, ClientId.TryCreate, out var client0) ? client0 : null;
            validation.TryString(body, "journeyId", out var journeyRaw, required: false);
            JourneyId? journeyId = validation.Check<JourneyId>("journeyId", journeyRaw, JourneyId.TryCreate, out var journey0) ? journey0 : null;
            var stage = validation.OptionalEnum<Stage>(body, "stage");
            var failedSince = validation.OptionalTimestamp(body, "failedSince");
            var reason = validation.Text(body, "reason", RetryDatasetCommand.MaxReasonLength, required: false);
            if (clientRaw is null && journeyRaw is null && !HasValue(body, "stage") && !HasValue(body, "failedSince"))
            {
                validation.Add("filter", "give at least one of clientId, journeyId, stage, failedSince: a bulk retry names what it retries");
            }

            command = new RetryFailedDatasetsCommand(clientId, journeyId, stage, failedSince, reason ?? RetryDatasetCommand.DefaultReason);
        }

        if (!validation.IsValid || command is null)
        {
            return Results.ValidationProblem(validation.Errors, title: "The bulk retry request is invalid.");
        }

        var result = await retry.HandleAsync(client, command, cancellationToken);
        foreach (var started in result.Started)
        {
            await audit.RecordAsync(check.Caller!, "retry", started.DatasetId, instanceId: started.InstanceId, reason: command.Reason, cancellationToken: cancellationToken);
        }

        return result.Started.Count == 0 ? Results.Ok(result) : Results.Json(result, statusCode: StatusCodes.Status202Accepted);
    }

    private static bool HasValue(System.Text.Json.JsonElement body, string field)
        => body.TryGetProperty(field, out var element) && element.ValueKind != System.Text.Json.JsonValueKind.Null;
}
