using DataOps.Functions.Access;
using DataOps.Functions.Http;
using DataOps.Functions.Workflows;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace DataOps.Functions.Validation;

/// <summary>The validation API: revalidate a dataset on request.</summary>
public sealed class ValidationFunctions(RevalidateDatasetHandler revalidate, DatasetAccess access, CommandAudit audit)
{
    /// <summary><c>POST /api/datasets/{id}/validate</c>: revalidates a READY dataset (202 with the orchestration status).</summary>
    [Function(nameof(ValidateDatasetNow))]
    public async Task<IResult> ValidateDatasetNow(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "datasets/{id}/validate")] HttpRequest request,
        string id,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        var check = await access.CheckAsync(request, id, DatasetAction.Work, "revalidate this dataset", () => DatasetLookup.NotFound(id), cancellationToken);
        if (!check.Allowed)
        {
            return check.Refusal!;
        }

        if (!DatasetLookup.TryParse(id, out var datasetId, out var problem))
        {
            return problem;
        }

        var result = await revalidate.HandleAsync(client, new RevalidateDatasetCommand(datasetId), cancellationToken);
        if (result.Status == CommandStatus.Accepted)
        {
            await audit.RecordAsync(check.Caller!, "validate", id, instanceId: result.InstanceId, cancellationToken: cancellationToken);
        }

        return result.Status switch
        {
            CommandStatus.Accepted => client.CreateCheckStatusResponse(request, result.InstanceId!),
            CommandStatus.NotFound => DatasetLookup.NotFound(id),
            _ => DatasetLookup.Conflict(result.Refusal!),
        };
    }
}
