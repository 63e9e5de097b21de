using Microsoft.Extensions.Logging;

namespace DataOps.Durable.Runtime.Replay;

/// <summary>The runtime's orchestration context: records actions, and completes awaited tasks from history.</summary>
internal sealed partial class ReplayContext(
    string instanceId, DurableTaskRegistry registry, int maxPayloadBytes, ILoggerFactory loggerFactory) : TaskOrchestrationContext
{
    private readonly Dictionary<int, PendingAction> _pending = [];
    private readonly Dictionary<int, Action<HistoryEvent>> _open = [];
    private int _nextTaskId;
    private int _guidCounter;

    public override TaskName Name => StartEvent?.Name ?? string.Empty;

    public override string InstanceId => instanceId;

    public override bool IsReplaying => Replaying;

    public override DateTime CurrentUtcDateTime => Now;

    public bool Replaying { get; set; }

    public DateTime Now { get; set; }

    public HistoryEvent? StartEvent { get; set; }

    public string ExecutionId => StartEvent?.ExecutionId ?? string.Empty;

    public string? CustomStatus { get; private set; }

    public bool CustomStatusChanged { get; private set; }

    public (string? Input, bool PreserveEvents)? ContinueAsNewRequest { get; private set; }

    protected override ILoggerFactory LoggerFactory => loggerFactory;

    public override T? GetInput<T>()
        where T : default => DurableJson.Deserialize<T>(StartEvent?.Input);

    public override Task<TResult> CallActivityAsync<TResult>(TaskName name, object? input = null, TaskOptions? options = null)
    {
        if (!registry.TryGetActivity(name, out _))
        {
            throw new ArgumentException($"Unknown activity '{name}': it is not registered with AddActivity.", nameof(name));
        }

        var json = PayloadSerializer.Serialize(input, maxPayloadBytes, "activity input");
        Task<TResult> Call() => ScheduleTask<TResult>(HistoryEventKind.TaskScheduled, name, json, childInstanceId: null);
        return options?.Retry is { } retry ? RetryAsync(Call, retry.Policy) : Call();
    }

    public override Task<TResult> CallSubOrchestratorAsync<TResult>(TaskName orchestratorName, object? input = null, TaskOptions? options = null)
    {
        if (!registry.TryGetOrchestrator(orchestratorName, out _))
        {
            throw new ArgumentException($"Unknown orchestrator '{orchestratorName}': it is not registered with AddOrchestrator.", nameof(orchestratorName));
        }

        var json = PayloadSerializer.Serialize(input, maxPayloadBytes, "sub-orchestration input");
        var explicitId = (options as SubOrchestrationOptions)?.InstanceId;
        if (explicitId is not null)
        {
            InstanceIds.Validate(explicitId);
        }

        Task<TResult> Call() => ScheduleTask<TResult>(
            HistoryEventKind.SubOrchestrationCreated, orchestratorName, json, explicitId ?? $"{InstanceId}:{_nextTaskId:X4}");
        return options?.Retry is { } retry ? RetryAsync(Call, retry.Policy) : Call();
    }

    public override Task CreateTimer(DateTime fireAt, CancellationToken cancellationToken)
    {
        var taskId = _nextTaskId++;
        var fireAtUtc = fireAt.Kind == DateTimeKind.Local ? fireAt.ToUniversalTime() : DateTime.SpecifyKind(fireAt, DateTimeKind.Utc);
        var created = new HistoryEvent(HistoryEventKind.TimerCreated) { TaskId = taskId, FireAt = fireAtUtc, Timestamp = Now };
        var fired = new HistoryEvent(HistoryEventKind.TimerFired) { TaskId = taskId, FireAt = fireAtUtc };
        var message = new TaskMessage($"{ExecutionId}:{taskId}", InstanceId, ExecutionId, fired) { NotBefore = fireAtUtc };
        _pending[taskId] = new PendingAction(created, new OutboundMessage(MessageTarget.Control, message));
        var completion = new TaskCompletionSource<object?>();
        _open[taskId] = _ => completion.TrySetResult(null);
        if (cancellationToken.CanBeCanceled)
        {
            cancellationToken.Register(() => completion.TrySetCanceled(cancellationToken));
        }

        return completion.Task;
    }

    public override void SetCustomStatus(object? customStatus)
    {
        var json = PayloadSerializer.Serialize(customStatus, maxPayloadBytes, "custom status");
        if (!string.Equals(json, CustomStatus, StringComparison.Ordinal))
        {
            CustomStatus = json;
            CustomStatusChanged = true;
        }
    }

    public override void ContinueAsNew(object? newInput = null, bool preserveUnprocessedEvents = true) =>
        ContinueAsNewRequest = (PayloadSerializer.Serialize(newInput, maxPayloadBytes, "ContinueAsNew input"), preserveUnprocessedEvents);

    public override Guid NewGuid() =>
        DeterministicGuid.Create($"{InstanceId}_{Now:O}_{_guidCounter++}");

    /// <summary>Restores the custom status recorded by earlier episodes without marking it changed.</summary>
    public void RestoreCustomStatus(string? json) => CustomStatus = json;

    private Task<TResult> ScheduleTask<TResult>(HistoryEventKind kind, TaskName name, string? input, string? childInstanceId)
    {
        var taskId = _nextTaskId++;
        var action = new HistoryEvent(kind) { TaskId = taskId, Name = name.Name, Input = input, ChildInstanceId = childInstanceId, Timestamp = Now };
        OutboundMessage message;
        if (kind == HistoryEventKind.TaskScheduled)
        {
            message = new OutboundMessage(MessageTarget.WorkItem, new TaskMessage($"{ExecutionId}:{taskId}", InstanceId, ExecutionId, action));
        }
        else
        {
            var childExecution = DeterministicGuid.Create($"{ExecutionId}:{taskId}").ToString("N");
            var start = new HistoryEvent(HistoryEventKind.ExecutionStarted)
            {
                Name = name.Name, Input = input, ExecutionId = childExecution,
                ParentInstanceId = InstanceId, ParentExecutionId = ExecutionId, ParentTaskId = taskId,
            };
            message = new OutboundMessage(MessageTarget.Control, new TaskMessage(childExecution, childInstanceId!, childExecution, start));
        }

        _pending[taskId] = new PendingAction(action, message);
        var completion = new TaskCompletionSource<TResult>();
        _open[taskId] = result => Complete(completion, name, taskId, result);
        return completion.Task;
    }

    private static void Complete<TResult>(TaskCompletionSource<TResult> completion, TaskName name, int taskId, HistoryEvent result)
    {
        if (result.Kind is HistoryEventKind.TaskFailed or HistoryEventKind.SubOrchestrationFailed)
        {
            completion.TrySetException(new TaskFailedException(name, taskId, result.Failure ?? new TaskFailureDetails("Unknown", "No failure details.")));
            return;
        }

        try
        {
            completion.TrySetResult(DurableJson.Deserialize<TResult>(result.Result)!);
        }
        catch (Exception ex) when (ex is System.Text.Json.JsonException or NotSupportedException)
        {
            completion.TrySetException(new TaskFailedException(
                $"The result of task '{name}' (#{taskId}) cannot be read as '{typeof(TResult).FullName}': {ex.Message}", ex));
        }
    }

    private async Task<TResult> RetryAsync<TResult>(Func<Task<TResult>> call, RetryPolicy policy)
    {
        var firstAttempt = Now;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await call();
            }
            catch (TaskFailedException ex) when (attempt < policy.MaxNumberOfAttempts && policy.HandleFailure(ex.FailureDetails)
                && (policy.RetryTimeout == Timeout.InfiniteTimeSpan || Now - firstAttempt < policy.RetryTimeout))
            {
                await CreateTimer(policy.GetDelay(attempt), CancellationToken.None);
            }
        }
    }
}
