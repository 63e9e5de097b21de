using DataOps.Domain.Datasets;
using DataOps.Functions.Access;
using DataOps.Functions.Http;
using DataOps.Functions.Workflows;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace DataOps.Functions.Teardown;

/// <summary>
/// The teardown API: tear a dataset down on request; during a teardown's grace period cancel it (the dataset is
/// restored), extend the grace period, or terminate it. Operators only; another client's dataset answers 404 to an
/// Engineer, its own 403.
/// </summary>
public sealed class TeardownFunctions(
    TeardownDatasetHandler teardown,
    TerminateTeardownHandler terminate,
    TeardownControlHandler control,
    DatasetAccess access,
    CommandAudit audit)
{
    /// <summary><c>POST /api/datasets/{id}/teardown</c> with <c>{reason, force}</c>: 202, or 409 when the safety rule refuses.</summary>
    [Function(nameof(TeardownDatasetNow))]
    public async Task<IResult> TeardownDatasetNow(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "datasets/{id}/teardown")] HttpRequest request,
        string id,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(client);
        var check = await access.CheckAsync(request, id, DatasetAction.Operate, "tear datasets down", () => DatasetLookup.NotFound(id), cancellationToken);
        if (!check.Allowed)
        {
            return check.Refusal!;
        }

        var (validation, datasetId, body, bodyError) = await DatasetCommandRequest.ReadAsync(request, id, cancellationToken);
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

        var result = await teardown.HandleAsync(client, new TeardownDatasetCommand(datasetId, reason, force), cancellationToken);
        if (result.Status == CommandStatus.Accepted)
        {
            await audit.RecordAsync(check.Caller!, "teardown", id, instanceId: result.InstanceId, reason: reason.ToWireName(), cancellationToken: cancellationToken);
        }

        return result.Status switch
        {
            CommandStatus.Accepted => client.CreateCheckStatusResponse(request, result.InstanceId!),
            CommandStatus.NotFound => DatasetLookup.NotFound(id),
            _ => DatasetLookup.Conflict(result.Refusal!),
        };
    }

    /// <summary>
    /// <c>POST /api/teardowns/{id}/terminate</c> with <c>{reason}</c>: terminates the dataset's running teardown where it
    /// stands (202), then restores the dataset as a cancel does. The workflow that started the teardown is told at once
    /// that it was terminated. 404 when the dataset never had a teardown,
    /// 409 when its teardown has finished or is past its grace period (deleting the connector).
    /// </summary>
    [Function(nameof(TerminateTeardown))]
    public async Task<IResult> TerminateTeardown(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "teardowns/{id}/terminate")] HttpRequest request,
        string id,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(client);
        var check = await access.CheckAsync(request, id, DatasetAction.Operate, "terminate teardowns", () => TeardownNotFound(id), cancellationToken);
        if (!check.Allowed)
        {
            return check.Refusal!;
        }

        var (validation, datasetId, body, bodyError) = await DatasetCommandRequest.ReadAsync(request, id, cancellationToken);
        if (bodyError is not null)
        {
            return bodyError;
        }

        var reason = string.Empty;
        if (validation.RequireObject(body) && validation.TryString(body, "reason", out var raw))
        {
            reason = raw.Trim();
            if (TerminateTeardownCommand.ReasonError(reason) is { } reasonError)
            {
                validation.Add("reason", reasonError);
            }
        }

        if (!validation.IsValid)
        {
            return Results.ValidationProblem(validation.Errors, title: "The termination request is invalid.");
        }

        var result = await terminate.HandleAsync(client, new TerminateTeardownCommand(datasetId, reason), cancellationToken);
        if (result.Status == CommandStatus.Accepted)
        {
            await audit.RecordAsync(check.Caller!, "terminate_teardown", id, instanceId: result.InstanceId, reason: reason, cancellationToken: cancellationToken);
        }

        return result.Status switch
        {
            CommandStatus.Accepted => Results.Accepted(value: new TerminateAccepted(id, result.InstanceId, "Terminating")),
            CommandStatus.NotFound => TeardownNotFound(id),
            _ => Results.Problem(title: "The teardown cannot be terminated.", detail: result.Refusal, statusCode: StatusCodes.Status409Conflict),
        };
    }

    /// <summary>
    /// <c>POST /api/teardowns/{id}/cancel</c> with <c>{reason}</c>: cancels the dataset's teardown while it archives or waits
    /// out its grace period (202); the connector is made visible again and the dataset revalidated (READY, or FAILED with
    /// the checks named). 404 when the dataset never had a teardown, 409 when it is deleting or over, or another dataset
    /// has taken the slot.
    /// </summary>
    [Function(nameof(CancelTeardownNow))]
    public Task<IResult> CancelTeardownNow(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "teardowns/{id}/cancel")] HttpRequest request,
        string id,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
        => ControlAsync(request, id, client, TeardownControlAction.Cancel, cancellationToken);

    /// <summary>
    /// <c>POST /api/teardowns/{id}/extend</c> with <c>{hours, reason}</c>: moves the end of the grace period later by 1 to
    /// 720 hours (202). 404 when the dataset never had a teardown, 409 when it is deleting or over.
    /// </summary>
    [Function(nameof(ExtendTeardown))]
    public Task<IResult> ExtendTeardown(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "teardowns/{id}/extend")] HttpRequest request,
        string id,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
        => ControlAsync(request, id, client, TeardownControlAction.Extend, cancellationToken);

    private async Task<IResult> ControlAsync(HttpRequest request, string id, DurableTaskClient client, TeardownControlAction action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(client);
        var what = action == TeardownControlAction.Cancel ? "cancel teardowns" : "extend teardowns";
        var check = await access.CheckAsync(request, id, DatasetAction.Operate, what, () => TeardownNotFound(id), cancellationToken);
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
        int? hours = null;
        if (validation.RequireObject(body))
        {
            reason = validation.Text(body, "reason", TerminateTeardownCommand.MaxReasonLength, required: true);
            if (action == TeardownControlAction.Extend)
            {
                hours = validation.OptionalInteger(body, "hours", 1, TeardownControlCommand.MaxExtensionHours);
                if (hours is null && !validation.Errors.ContainsKey("hours"))
                {
                    validation.Add("hours", "is required");
                }
            }
        }

        var verb = action == TeardownControlAction.Cancel ? "cancel" : "extension";
        if (!validation.IsValid || reason is null)
        {
            return Results.ValidationProblem(validation.Errors, title: $"The teardown {verb} request is invalid.");
        }

        var command = new TeardownControlCommand(datasetId, new TeardownControl(action, reason, hours is { } h ? TimeSpan.FromHours(h) : null));
        var result = await control.HandleAsync(client, command, cancellationToken);
        if (result.Status == CommandStatus.Accepted)
        {
            await audit.RecordAsync(check.Caller!, action == TeardownControlAction.Cancel ? "cancel_teardown" : "extend_teardown", id, instanceId: result.InstanceId, reason: reason, cancellationToken: cancellationToken);
        }

        return result.Status switch
        {
            CommandStatus.Accepted => Results.Accepted(value: new TeardownControlAccepted(id, result.InstanceId, action.ToWireName(), hours)),
            CommandStatus.NotFound => TeardownNotFound(id),
            _ => Results.Problem(title: action == TeardownControlAction.Cancel ? "The teardown cannot be cancelled." : "The grace period cannot be extended.", detail: result.Refusal, statusCode: StatusCodes.Status409Conflict),
        };
    }

    private static IResult TeardownNotFound(string id)
        => Results.Problem(title: "Teardown not found.", detail: $"Dataset '{id}' has no teardown.", statusCode: StatusCodes.Status404NotFound);
}
