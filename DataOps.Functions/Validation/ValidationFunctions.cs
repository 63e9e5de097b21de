using DataOps.Functions.Http;
using DataOps.Functions.Workflows;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace DataOps.Functions.Validation;

/// <summary>The validation API: revalidate a dataset on request.</summary>
public sealed class ValidationFunctions(RevalidateDatasetHandler revalidate)
{
    /// <summary><c>POST /api/datasets/{id}/validate</c>: revalidates a READY dataset (202 with the orchestration status).</summary>
    [Function(nameof(ValidateDatasetNow))]
    public async Task<IResult> ValidateDatasetNow(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "datasets/{id}/validate")] HttpRequest request,
        string id,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        if (!DatasetLookup.TryParse(id, out var datasetId, out var problem))
        {
            return problem;
        }

        var result = await revalidate.HandleAsync(client, new RevalidateDatasetCommand(datasetId), cancellationToken);
        return result.Status switch
        {
            CommandStatus.Accepted => client.CreateCheckStatusResponse(request, result.InstanceId!),
            CommandStatus.NotFound => DatasetLookup.NotFound(id),
            _ => DatasetLookup.Conflict(result.Refusal!),
        };
    }
}
