using DataOps.Domain.Datasets;
using DataOps.Functions.Access;
using DataOps.Functions.Http;
using DataOps.Functions.Workflows;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace DataOps.Functions.Provisioning;

/// <summary>
/// <c>POST /api/datasets/provision</c>: validates the request and has <see cref="ProvisionDatasetsHandler"/> start
/// <see cref="ProvisionJourneyDatasets"/>. Idempotent: the orchestration instance id is <c>provision:{journeyId}:{stage}</c>,
/// so repeating a request while it runs answers 202 with the running instance; when every requested type is already
/// active for the client and stage the answer is 409 naming the datasets, and nothing starts. A Reader gets 403; an
/// Engineer gets 403 for a client not in its token; a person's <c>requestedBy</c> is its token's name, not the body's.
/// </summary>
public sealed class ProvisionFunctions(ProvisionDatasetsHandler provision, RequestAccess access, CommandAudit audit)
{
    /// <summary>Starts provisioning.</summary>
    [Function(nameof(ProvisionDatasets))]
    public async Task<IResult> ProvisionDatasets(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "datasets/provision")] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(client);
        var check = await access.RequireAsync(request, c => c.MayWork, "provision datasets");
        if (!check.Allowed)
        {
            return check.Refusal!;
        }

        var caller = check.Caller!;
        var (body, error) = await JsonBody.ReadAsync(request, cancellationToken);
        if (error is not null)
        {
            return error;
        }

        var validation = new RequestValidation();
        var input = ProvisionRequestReader.Read(body, validation, caller.IsPerson ? caller.RequestedBy : null);
        if (input is null)
        {
            return Results.ValidationProblem(validation.Errors, title: "The provisioning request is invalid.");
        }

        if (!caller.CanWork(input.ClientId))
        {
            return Results.Problem(
                title: "Forbidden",
                detail: $"Client '{input.ClientId.Value}' is not one of the clients your token lists ({AccessRoleNames.ClientsClaim}).",
                statusCode: StatusCodes.Status403Forbidden);
        }

        var result = await provision.HandleAsync(client, input, cancellationToken);
        if (result.ClientLimit is { } limit)
        {
            return Results.ValidationProblem(
                new Dictionary<string, string[]> { ["datasetTypes"] = [limit.Describe(input.ClientId.Value)] },
                title: "The provisioning request is invalid.");
        }

        if (result.ConnectorNamesInUse is { } namesInUse)
        {
            return Results.Problem(
                title: "A connector name is in use by another client.",
                detail: ConnectorNameClash.Describe(input.ClientId, namesInUse),
                statusCode: StatusCodes.Status409Conflict,
                extensions: new Dictionary<string, object?> { ["connectorNames"] = namesInUse });
        }

        if (result.ActiveDatasets is { } held)
        {
            return Results.Problem(
                title: "The datasets are already active.",
                detail: $"Client '{input.ClientId}' already has {input.Stage.ToWireName()} datasets of every requested type: {await provision.DescribeAsync(held, cancellationToken)}.",
                statusCode: StatusCodes.Status409Conflict,
                extensions: new Dictionary<string, object?> { ["activeDatasets"] = held });
        }

        await audit.RecordAsync(caller, "provision", null, input.JourneyId.Value, input.ClientId.Value, result.InstanceId, cancellationToken: cancellationToken);
        return client.CreateCheckStatusResponse(request, result.InstanceId);
    }
}
