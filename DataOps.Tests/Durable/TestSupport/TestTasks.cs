using System.Collections.Concurrent;
using DataOps.Durable;

namespace DataOps.Tests.Durable.TestSupport;

/// <summary>Small orchestrators and activities shared by the durable runtime tests.</summary>
public static class TestTasks
{
    /// <summary>Executions per (instance id, activity name), to prove at-least-once / at-most-twice claims.</summary>
    public static ConcurrentDictionary<string, int> Executions { get; } = new(StringComparer.Ordinal);

    public static int ExecutionsOf(string instanceId, string activity) => Executions.GetValueOrDefault($"{instanceId}/{activity}");

    private static int Count(TaskActivityContext context) =>
        Executions.AddOrUpdate($"{context.InstanceId}/{context.Name}", 1, (_, n) => n + 1);

    public sealed class Sequence : TaskOrchestrator<string, string>
    {
        public override async Task<string> RunAsync(TaskOrchestrationContext context, string input)
        {
            var result = input;
            for (var i = 0; i < 3; i++)
            {
                result = await context.CallActivityAsync<string>(nameof(Append), result);
            }

            return result;
        }
    }

    public sealed class Append : TaskActivity<string, string>
    {
        public override Task<string> RunAsync(TaskActivityContext context, string input)
        {
            Count(context);
            return Task.FromResult(input + "+");
        }
    }

    public sealed class FanOut : TaskOrchestrator<int, long>
    {
        public override async Task<long> RunAsync(TaskOrchestrationContext context, int input)
        {
            var tasks = Enumerable.Range(1, input).Select(i => context.CallActivityAsync<long>(nameof(Square), i)).ToList();
            var results = await Task.WhenAll(tasks);
            return results.Sum();
        }
    }

    public sealed class Square : TaskActivity<int, long>
    {
        public override Task<long> RunAsync(TaskActivityContext context, int input) => Task.FromResult((long)input * input);
    }

    public sealed class Parent : TaskOrchestrator<string, string>
    {
        public override async Task<string> RunAsync(TaskOrchestrationContext context, string input)
        {
            var child = await context.CallSubOrchestratorAsync<string>(nameof(Sequence), input);
            return "parent:" + child;
        }
    }

    public sealed class FlakyCaller : TaskOrchestrator<int, string>
    {
        public override Task<string> RunAsync(TaskOrchestrationContext context, int input) =>
            context.CallActivityAsync<string>(nameof(Flaky), input, TaskOptions.FromRetryPolicy(
                new RetryPolicy(maxNumberOfAttempts: 3, firstRetryInterval: TimeSpan.FromMilliseconds(200), backoffCoefficient: 2)));
    }

    /// <summary>Fails until it has run <c>input</c> times for the instance.</summary>
    public sealed class Flaky : TaskActivity<int, string>
    {
        public override Task<string> RunAsync(TaskActivityContext context, int input)
        {
            var attempt = Count(context);
            return attempt < input ? throw new InvalidOperationException($"attempt {attempt} failed") : Task.FromResult($"ok after {attempt}");
        }
    }

    public sealed class Sleeper : TaskOrchestrator<TimeSpan, DateTime>
    {
        public override async Task<DateTime> RunAsync(TaskOrchestrationContext context, TimeSpan input)
        {
            await context.CreateTimer(input, CancellationToken.None);
            return context.CurrentUtcDateTime;
        }
    }

    public sealed class Approval : TaskOrchestrator<string?, string>
    {
        public override async Task<string> RunAsync(TaskOrchestrationContext context, string? input)
        {
            context.SetCustomStatus("waiting");
            var answer = await context.WaitForExternalEvent<string>("approval");
            return "approved:" + answer;
        }
    }

    public sealed class ApprovalWithTimeout : TaskOrchestrator<TimeSpan, string>
    {
        public override async Task<string> RunAsync(TaskOrchestrationContext context, TimeSpan input)
        {
            try
            {
                return await context.WaitForExternalEvent<string>("approval", input);
            }
            catch (TaskCanceledException)
            {
                return "timed out";
            }
        }
    }

    public sealed class Counter : TaskOrchestrator<int, int>
    {
        public override Task<int> RunAsync(TaskOrchestrationContext context, int input)
        {
            if (input < 5)
            {
                context.ContinueAsNew(input + 1);
            }

            return Task.FromResult(input);
        }
    }

    public sealed class ApprovalAfterDelay : TaskOrchestrator<string?, string>
    {
        public override async Task<string> RunAsync(TaskOrchestrationContext context, string? input)
        {
            await context.CreateTimer(TimeSpan.FromMilliseconds(500), CancellationToken.None);
            return "approved:" + await context.WaitForExternalEvent<string>("approval");
        }
    }
}
