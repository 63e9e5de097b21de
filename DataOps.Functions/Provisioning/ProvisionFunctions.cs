using DataOps.Domain.Datasets;
using DataOps.Functions.Http;
using DataOps.Functions.Workflows;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace DataOps.Functions.Provisioning;

/// <summary>
/// <c>POST /api/datasets/provision</c>: validates the request and has <see cref="ProvisionDatasetsHandler"/> start
/// <see cref="ProvisionJourneyDatasets"/>. Idempotent: the orchestration instance id is <c>provision:{journeyId}:{stage}</c>,
/// so repeating a request while it runs answers 202 with the running instance; when every requested type is already
/// active for the client and stage the answer is 409 naming the datasets, and nothing starts.
/// </summary>
public sealed class ProvisionFunctions(ProvisionDatasetsHandler provision)
{
    /// <summary>Starts provisioning.</summary>
    [Function(nameof(ProvisionDatasets))]
    public async Task<IResult> ProvisionDatasets(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "datasets/provision")] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(client);
        var (body, error) = await JsonBody.ReadAsync(request, cancellationToken);
        if (error is not null)
        {
            return error;
        }

        var validation = new RequestValidation();
        var input = ProvisionRequestReader.Read(body, validation);
        if (input is null)
        {
            return Results.ValidationProblem(validation.Errors, title: "The provisioning request is invalid.");
        }

        var result = await provision.HandleAsync(client, input, cancellationToken);
        if (result.ActiveDatasets is { } held)
        {
            return Results.Problem(
                title: "The datasets are already active.",
                detail: $"Client '{input.ClientId}' already has {input.Stage.ToWireName()} datasets of every requested type: {await provision.DescribeAsync(held, cancellationToken)}.",
                statusCode: StatusCodes.Status409Conflict,
                extensions: new Dictionary<string, object?> { ["activeDatasets"] = held });
        }

        return client.CreateCheckStatusResponse(request, result.InstanceId);
    }
}
