using System.Collections.Concurrent;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;

namespace DataOps.Tests.LocalHost.TaskHub;

/// <summary>Orchestrators, activities and a scoped service that the task hub worker host tests drive.</summary>
public static class TaskHubTestTasks
{
    /// <summary>A scoped service: records which scopes were created and which disposed.</summary>
    public sealed class ScopeProbe : IDisposable
    {
        public static ConcurrentDictionary<Guid, bool> Disposed { get; } = new();

        public Guid Id { get; } = Guid.NewGuid();

        public ScopeProbe() => Disposed[Id] = false;

        public void Dispose() => Disposed[Id] = true;
    }

    /// <summary>Calls <see cref="Stamp"/> twice; each call must get a scope of its own.</summary>
    public sealed class StampTwice : TaskOrchestrator<string, string[]>
    {
        public override async Task<string[]> RunAsync(TaskOrchestrationContext context, string input) =>
            [await context.CallActivityAsync<string>(nameof(Stamp), input), await context.CallActivityAsync<string>(nameof(Stamp), input)];
    }

    /// <summary>Returns the id of the scoped service it was given.</summary>
    public sealed class Stamp(ScopeProbe probe) : TaskActivity<string, string>
    {
        public override Task<string> RunAsync(TaskActivityContext context, string input) => Task.FromResult(probe.Id.ToString());
    }

    /// <summary>Passes text to an activity that takes a number: the activity's input cannot be deserialized.</summary>
    public sealed class FeedText : TaskOrchestrator<string, int>
    {
        // The wrong input type is the point of this orchestrator.
#pragma warning disable DURABLE2001
        public override Task<int> RunAsync(TaskOrchestrationContext context, string input) =>
            context.CallActivityAsync<int>(nameof(Double), input);
#pragma warning restore DURABLE2001
    }

    public sealed class Double : TaskActivity<int, int>
    {
        public override Task<int> RunAsync(TaskActivityContext context, int input) => Task.FromResult(input * 2);
    }

    /// <summary>Waits on a durable timer of the given number of days.</summary>
    public sealed class Sleep : TaskOrchestrator<int, string>
    {
        public override async Task<string> RunAsync(TaskOrchestrationContext context, int input)
        {
            await context.CreateTimer(TimeSpan.FromDays(input), CancellationToken.None);
            return "woke";
        }
    }

    /// <summary>Completes at once.</summary>
    public sealed class Noop : TaskOrchestrator<string?, string?>
    {
        public override Task<string?> RunAsync(TaskOrchestrationContext context, string? input) => Task.FromResult(input);
    }
}

/// <summary>The tasks of <see cref="TaskHubTestTasks"/> as orchestration and activity functions, as an app declares them.</summary>
public static class TaskHubTestFunctions
{
    [Function(nameof(TaskHubTestTasks.StampTwice))]
    public static Task<string[]> StampTwice([OrchestrationTrigger] TaskOrchestrationContext context) =>
        new TaskHubTestTasks.StampTwice().RunAsync(context, context.GetInput<string>()!);

    [Function(nameof(TaskHubTestTasks.Stamp))]
    public static Task<string> Stamp([ActivityTrigger] string input, FunctionContext context) =>
        ActivatorUtilities.CreateInstance<TaskHubTestTasks.Stamp>(context.InstanceServices).RunAsync(null!, input);

    [Function(nameof(TaskHubTestTasks.FeedText))]
    public static Task<int> FeedText([OrchestrationTrigger] TaskOrchestrationContext context) =>
        new TaskHubTestTasks.FeedText().RunAsync(context, context.GetInput<string>()!);

    [Function(nameof(TaskHubTestTasks.Double))]
    public static Task<int> Double([ActivityTrigger] int input) => new TaskHubTestTasks.Double().RunAsync(null!, input);

    [Function(nameof(TaskHubTestTasks.Sleep))]
    public static Task<string> Sleep([OrchestrationTrigger] TaskOrchestrationContext context) =>
        new TaskHubTestTasks.Sleep().RunAsync(context, context.GetInput<int>());

    [Function(nameof(TaskHubTestTasks.Noop))]
    public static Task<string?> Noop([OrchestrationTrigger] TaskOrchestrationContext context) =>
        new TaskHubTestTasks.Noop().RunAsync(context, context.GetInput<string?>());
}
