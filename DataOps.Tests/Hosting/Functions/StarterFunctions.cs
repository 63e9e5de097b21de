using DataOps.Functions.Workflows;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace DataOps.Tests.Hosting.Functions;

public sealed class StarterFunctions
{
    [Function(nameof(StartApproval))]
    public static async Task<IResult> StartApproval(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "approvals")] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        var id = await client.ScheduleNewOrchestrationInstanceAsync("Approval", new ApprovalRequest("alice"), null, cancellationToken);
        return client.CreateCheckStatusResponse(request, id);
    }

    [Function("Approval")]
    public static Task<ApprovalOrchestrator.Decision> Approval([OrchestrationTrigger] TaskOrchestrationContext context) =>
        new ApprovalOrchestrator().RunAsync(context, context.GetInput<ApprovalRequest>()!);

    public sealed record ApprovalRequest(string RequestedBy);
}
