using Microsoft.DurableTask;

namespace DataOps.Tests.LocalHost.TaskHub;

/// <summary>Tiny orchestrators and activities, written against the SDK, that the durable client tests drive.</summary>
public static class ClientTestTasks
{
    /// <summary>The event <see cref="AwaitApproval"/> waits for.</summary>
    public const string ApprovalEvent = "approval";

    /// <summary>The custom status <see cref="AwaitApproval"/> shows while it waits.</summary>
    public const string WaitingStatus = "waiting for approval";

    public sealed record Order(string Sku, int Quantity);

    public sealed record Approval(string By, bool Approved);

    /// <summary>Calls one activity: a full orchestrator-activity-orchestrator round trip.</summary>
    public sealed class Greet : TaskOrchestrator<string, string>
    {
        public override Task<string> RunAsync(TaskOrchestrationContext context, string input) =>
            context.CallActivityAsync<string>(nameof(Shout), input);
    }

    public sealed class Shout : TaskActivity<string, string>
    {
        public override Task<string> RunAsync(TaskActivityContext context, string input) =>
            Task.FromResult(input.ToUpperInvariant() + "!");
    }

    /// <summary>Takes a record, so its input shows how the client serialized it.</summary>
    public sealed class Describe : TaskOrchestrator<Order, string>
    {
        public override Task<string> RunAsync(TaskOrchestrationContext context, Order input) =>
            Task.FromResult($"{input.Quantity} x {input.Sku}");
    }

    /// <summary>Shows a custom status and waits for the approval event, whose payload it returns.</summary>
    public sealed class AwaitApproval : TaskOrchestrator<string?, Approval>
    {
        public override async Task<Approval> RunAsync(TaskOrchestrationContext context, string? input)
        {
            context.SetCustomStatus(WaitingStatus);
            return await context.WaitForExternalEvent<Approval>(ApprovalEvent);
        }
    }

    /// <summary>Fails with an exception the test can recognise.</summary>
    public sealed class Explode : TaskOrchestrator<string, string>
    {
        public override Task<string> RunAsync(TaskOrchestrationContext context, string input) =>
            throw new InvalidOperationException($"boom: {input}");
    }
}
