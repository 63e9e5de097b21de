using Microsoft.DurableTask;

namespace DataOps.Tests.Hosting.Functions;

/// <summary>Waits for the event "approve" and completes with its payload.</summary>
[DurableTask("Approval")]
public sealed class ApprovalOrchestrator : TaskOrchestrator<StarterFunctions.ApprovalRequest, ApprovalOrchestrator.Decision>
{
    public override async Task<Decision> RunAsync(TaskOrchestrationContext context, StarterFunctions.ApprovalRequest input)
    {
        context.SetCustomStatus("waiting for " + input.RequestedBy);
        return await context.WaitForExternalEvent<Decision>("approve");
    }

    public sealed record Decision(string Approver);
}
