using DataOps.Domain.Datasets;
using DataOps.Functions.Http;
using DataOps.Functions.Registry;
using DataOps.Functions.Workflows;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace DataOps.Functions.Provisioning;

/// <summary>
/// <c>POST /api/datasets/provision</c>: validates the request and starts <see cref="ProvisionJourneyDatasets"/>.
/// Idempotent: the orchestration instance id is <c>provision:{journeyId}:{stage}</c>, so repeating a request while it
/// runs answers 202 with the running instance; when every requested type is already active for the client and stage
/// the answer is 409 naming the datasets, and nothing starts.
/// </summary>
public sealed class ProvisionFunctions(IDatasetRegistry registry, JourneyProjectionStore journeys, TimeProvider time)
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

        var instanceId = LifecycleWorkflows.Provision(input.JourneyId, input.Stage);
        var existing = await client.GetInstanceAsync(instanceId, false, cancellationToken);
        if (existing is { IsRunning: true })
        {
            return client.CreateCheckStatusResponse(request, instanceId);
        }

        var held = await HeldSlotsAsync(input, cancellationToken);
        if (held.Count == input.DatasetTypes.Count)
        {
            return Results.Problem(
                title: "The datasets are already active.",
                detail: $"Client '{input.ClientId}' already has active {input.Stage.ToWireName()} datasets of every requested type: {string.Join(", ", held.Select(h => $"{h.Key} ({h.Value})"))}.",
                statusCode: StatusCodes.Status409Conflict,
                extensions: new Dictionary<string, object?> { ["activeDatasets"] = held });
        }

        // The request says where the journey is now; the orphan scan and the teardown safety rule read it from here.
        await journeys.ApplyAsync(input.JourneyId.Value, input.ClientId.Value, input.Stage.ToWireName(), completed: false, time.GetUtcNow(), cancellationToken);
        // When the same request races this one and wins, the answer is its instance.
        await LifecycleWorkflows.StartOnceAsync(client, nameof(ProvisionJourneyDatasets), input, instanceId, onlyIfNotRunning: true, cancellationToken);

        return client.CreateCheckStatusResponse(request, instanceId);
    }

    private async Task<Dictionary<string, string>> HeldSlotsAsync(ProvisionJourneyInput input, CancellationToken cancellationToken)
    {
        var held = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var type in input.DatasetTypes)
        {
            if (await registry.FindSlotHolderAsync(input.ClientId, input.Stage, type, cancellationToken) is { } holder)
            {
                held[type.ToWireName()] = holder.Value;
            }
        }

        return held;
    }
}
