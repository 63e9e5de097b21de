using DataOps.Durable;
using DataOps.Durable.Runtime;
using DataOps.Durable.Runtime.Replay;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace DataOps.Tests.Durable.Runtime.Replay;

public sealed class OrchestrationExecutorTests
{
    private static readonly DateTime s_start = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Execute_NewInstance_SchedulesFirstActivityOnly()
    {
        var result = Run(Registry(), [Started("Sequence", "\"x\"")]);

        var message = Assert.Single(result.Messages);
        Assert.Equal(MessageTarget.WorkItem, message.Target);
        Assert.Equal("Echo", message.Message.Event.Name);
        Assert.Equal(OrchestrationRuntimeStatus.Running, result.Status);
        Assert.Contains(result.NewEvents, e => e.Kind == HistoryEventKind.TaskScheduled && e.TaskId == 0);
    }

    [Fact]
    public void Execute_AllResultsDelivered_CompletesWithOutput()
    {
        var registry = Registry();
        var history = new List<HistoryEvent>();
        var result = Run(registry, [Started("Sequence", "\"x\"")]);
        for (var i = 0; result.Status == OrchestrationRuntimeStatus.Running && i < 10; i++)
        {
            history.AddRange(result.NewEvents);
            var scheduled = Assert.Single(result.Messages).Message.Event;
            result = Run(registry, [new HistoryEvent(HistoryEventKind.TaskCompleted) { TaskId = scheduled.TaskId, Result = scheduled.Input }], history);
        }

        Assert.Equal(OrchestrationRuntimeStatus.Completed, result.Status);
        Assert.Equal("\"x|x|x\"", result.Output);
    }

    [Fact]
    public void Execute_ChangedOrchestratorCode_FailsNamingTheMismatch()
    {
        var first = Run(Registry(), [Started("Sequence", "\"x\"")]);
        var changed = Registry(sequenceType: typeof(ChangedSequence));

        var result = Run(changed, [new HistoryEvent(HistoryEventKind.TaskCompleted) { TaskId = 0, Result = "\"x\"" }], first.NewEvents);

        Assert.Equal(OrchestrationRuntimeStatus.Failed, result.Status);
        Assert.Equal(typeof(NonDeterministicOrchestrationException).FullName, result.Failure!.ErrorType);
        Assert.Contains("'Echo'", result.Failure.ErrorMessage, StringComparison.Ordinal);
        Assert.Contains("'Other'", result.Failure.ErrorMessage, StringComparison.Ordinal);
        Assert.Empty(result.Messages);
    }

    [Fact]
    public void Execute_EventRaisedBeforeWait_IsBufferedAndDelivered()
    {
        var raised = new HistoryEvent(HistoryEventKind.EventRaised) { Name = "approval", Input = "true" };

        var result = Run(Registry(), [Started("WaitForApproval", null), raised]);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, result.Status);
        Assert.Equal("true", result.Output);
    }

    [Fact]
    public void Execute_ActivityFailsWithRetryPolicy_SchedulesDurableTimer()
    {
        var first = Run(Registry(), [Started("Retrying", null)]);
        var failed = new HistoryEvent(HistoryEventKind.TaskFailed) { TaskId = 0, Failure = new TaskFailureDetails("System.InvalidOperationException", "boom") };

        var result = Run(Registry(), [failed], first.NewEvents);

        var timer = Assert.Single(result.Messages).Message;
        Assert.Equal(HistoryEventKind.TimerFired, timer.Event.Kind);
        Assert.Equal(s_start.AddSeconds(5), timer.NotBefore);
    }

    [Fact]
    public void Execute_Terminated_CompletesWithReasonAndNoMessages()
    {
        var first = Run(Registry(), [Started("WaitForApproval", null)]);

        var result = Run(Registry(), [new HistoryEvent(HistoryEventKind.ExecutionTerminated) { Input = "\"stop\"" }], first.NewEvents);

        Assert.Equal(OrchestrationRuntimeStatus.Terminated, result.Status);
        Assert.Equal("\"stop\"", result.Output);
        Assert.Empty(result.Messages);
    }

    [Fact]
    public void NewGuid_SameHistory_SameValueOnReplay()
    {
        var a = Run(Registry(), [Started("Guids", null)]);
        var b = Run(Registry(), [Started("Guids", null)]);

        Assert.Equal(a.Output, b.Output);
        var ids = System.Text.Json.JsonSerializer.Deserialize<Guid[]>(a.Output!)!;
        Assert.NotEqual(ids[0], ids[1]);
    }

    private static HistoryEvent Started(string name, string? input) =>
        new(HistoryEventKind.ExecutionStarted) { Name = name, Input = input, ExecutionId = "e1", Timestamp = s_start };

    private static EpisodeResult Run(DurableTaskRegistry registry, IReadOnlyList<HistoryEvent> newEvents, IReadOnlyList<HistoryEvent>? past = null)
    {
        var executor = new OrchestrationExecutor(registry, new ServiceCollection().BuildServiceProvider(), NullLoggerFactory.Instance, 1024 * 1024);
        var started = new HistoryEvent(HistoryEventKind.OrchestratorStarted) { Timestamp = s_start };
        return executor.Execute("i1", past ?? [], [started, .. newEvents], null);
    }

    private static DurableTaskRegistry Registry(Type? sequenceType = null)
    {
        var registry = new DurableTaskRegistry();
        registry.AddOrchestrator("Sequence", sequenceType ?? typeof(Sequence));
        registry.AddOrchestrator("WaitForApproval", typeof(WaitForApproval));
        registry.AddOrchestrator("Retrying", typeof(Retrying));
        registry.AddOrchestrator("Guids", typeof(Guids));
        registry.AddActivity("Echo", typeof(Echo));
        registry.AddActivity("Other", typeof(Echo));
        return registry;
    }

    private sealed class Sequence : TaskOrchestrator<string, string>
    {
        public override async Task<string> RunAsync(TaskOrchestrationContext context, string input)
        {
            var a = await context.CallActivityAsync<string>("Echo", input);
            var b = await context.CallActivityAsync<string>("Echo", input);
            var c = await context.CallActivityAsync<string>("Echo", input);
            return $"{a}|{b}|{c}";
        }
    }

    private sealed class ChangedSequence : TaskOrchestrator<string, string>
    {
        public override async Task<string> RunAsync(TaskOrchestrationContext context, string input) =>
            await context.CallActivityAsync<string>("Other", input);
    }

    private sealed class WaitForApproval : TaskOrchestrator<object?, bool>
    {
        public override Task<bool> RunAsync(TaskOrchestrationContext context, object? input) =>
            context.WaitForExternalEvent<bool>("approval");
    }

    private sealed class Retrying : TaskOrchestrator<object?, string>
    {
        public override Task<string> RunAsync(TaskOrchestrationContext context, object? input) =>
            context.CallActivityAsync<string>("Echo", "x", TaskOptions.FromRetryPolicy(new RetryPolicy(3, TimeSpan.FromSeconds(5))));
    }

    private sealed class Guids : TaskOrchestrator<object?, Guid[]>
    {
        public override Task<Guid[]> RunAsync(TaskOrchestrationContext context, object? input) =>
            Task.FromResult(new[] { context.NewGuid(), context.NewGuid() });
    }

    private sealed class Echo : TaskActivity<string, string>
    {
        public override Task<string> RunAsync(TaskActivityContext context, string input) => Task.FromResult(input);
    }
}
