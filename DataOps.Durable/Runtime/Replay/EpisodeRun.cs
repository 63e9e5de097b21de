using Microsoft.Extensions.DependencyInjection;

namespace DataOps.Durable.Runtime.Replay;

/// <summary>The state of one replay-and-run pass; used once.</summary>
internal sealed class EpisodeRun(ReplayContext context, DurableTaskRegistry registry, IServiceProvider services)
{
    private readonly ReplayTaskScheduler _scheduler = new();
    private readonly List<HistoryEvent> _heldWhileSuspended = [];
    private readonly List<HistoryEvent> _newHistory = [];
    private readonly List<OutboundMessage> _messages = [];
    private Task<Task<object?>>? _run;
    private bool _suspended;
    private bool _done;
    private bool _nonDeterministic;
    private HistoryEvent? _completion;

    public EpisodeResult Execute(IReadOnlyList<HistoryEvent> past, IReadOnlyList<HistoryEvent> newEvents)
    {
        context.Replaying = true;
        foreach (var e in past)
        {
            if (_done)
            {
                break;
            }

            Apply(e);
        }

        context.Replaying = false;
        foreach (var e in newEvents)
        {
            _newHistory.Add(e);
            if (!_done)
            {
                Apply(e);
            }
        }

        // After a determinism failure the pending actions come from code that no longer matches; none is sent.
        foreach (var action in context.Pending.Values.Where(_ => !_nonDeterministic).OrderBy(a => a.Event.TaskId))
        {
            _newHistory.Add(action.Event);
            _messages.Add(action.Message);
        }

        if (_completion is not null)
        {
            _newHistory.Add(_completion);
        }

        var status = _completion?.Status ?? (_suspended ? OrchestrationRuntimeStatus.Suspended : OrchestrationRuntimeStatus.Running);
        return new EpisodeResult(_newHistory, _messages, status)
        {
            Name = context.StartEvent?.Name ?? string.Empty,
            Input = context.StartEvent?.Input,
            Output = _completion?.Result,
            Failure = _completion?.Failure,
            CustomStatus = context.CustomStatus,
            CustomStatusChanged = context.CustomStatusChanged,
        };
    }

    private void Apply(HistoryEvent e)
    {
        switch (e.Kind)
        {
            case HistoryEventKind.OrchestratorStarted:
                context.Now = e.Timestamp;
                break;
            case HistoryEventKind.ExecutionStarted:
                context.StartEvent = e;
                Start(e);
                break;
            case HistoryEventKind.TaskScheduled or HistoryEventKind.TimerCreated or HistoryEventKind.SubOrchestrationCreated:
                if (context.MatchAction(e) is { } mismatch)
                {
                    _nonDeterministic = true;
                    Finish(OrchestrationRuntimeStatus.Failed, null, TaskFailureDetails.FromException(
                        new NonDeterministicOrchestrationException($"Non-deterministic orchestration '{context.Name}': {mismatch}.")));
                }

                break;
            case HistoryEventKind.ExecutionSuspended:
                _suspended = true;
                break;
            case HistoryEventKind.ExecutionResumed:
                _suspended = false;
                var held = _heldWhileSuspended.ToList();
                _heldWhileSuspended.Clear();
                held.ForEach(Deliver);
                break;
            case HistoryEventKind.ExecutionTerminated:
                Finish(OrchestrationRuntimeStatus.Terminated, e.Input, null);
                break;
            case HistoryEventKind.PoisonFailure:
                Finish(OrchestrationRuntimeStatus.Failed, null, e.Failure);
                break;
            case HistoryEventKind.ExecutionCompleted:
                _done = true;
                break;
            default:
                if (_suspended)
                {
                    _heldWhileSuspended.Add(e);
                }
                else
                {
                    Deliver(e);
                }

                break;
        }
    }

    private void Deliver(HistoryEvent e)
    {
        if (_done)
        {
            return;
        }

        if (e.Kind == HistoryEventKind.EventRaised)
        {
            context.DeliverEvent(e);
        }
        else
        {
            context.DeliverResult(e);
        }

        Pump();
    }

    private void Start(HistoryEvent start)
    {
        ITaskOrchestrator orchestrator;
        object? input;
        try
        {
            if (!registry.TryGetOrchestrator(start.Name ?? string.Empty, out var type))
            {
                throw new InvalidOperationException($"Orchestrator '{start.Name}' is not registered on this worker.");
            }

            orchestrator = (ITaskOrchestrator)ActivatorUtilities.CreateInstance(services, type);
            input = DurableJson.Deserialize(start.Input, orchestrator.InputType);
        }
        catch (Exception ex) when (ex is InvalidOperationException or System.Text.Json.JsonException or NotSupportedException)
        {
            Finish(OrchestrationRuntimeStatus.Failed, null, TaskFailureDetails.FromException(ex));
            return;
        }

        _run = Task.Factory.StartNew(
            () => orchestrator.RunAsync(context, input), CancellationToken.None, TaskCreationOptions.DenyChildAttach, _scheduler);
        Pump();
    }

    private void Pump()
    {
        _scheduler.Pump();
        if (_done || _run is not { IsCompleted: true })
        {
            return;
        }

        var task = _run.IsFaulted ? _run : (Task)_run.Result;
        if (!task.IsCompleted)
        {
            return;
        }

        if (task.IsFaulted)
        {
            var error = task.Exception!.InnerExceptions.Count == 1 ? task.Exception.InnerException! : task.Exception;
            Finish(OrchestrationRuntimeStatus.Failed, null, TaskFailureDetails.FromException(error));
        }
        else if (task.IsCanceled)
        {
            Finish(OrchestrationRuntimeStatus.Failed, null, new TaskFailureDetails(typeof(TaskCanceledException).FullName!, "The orchestrator code was cancelled."));
        }
        else if (context.ContinueAsNewRequest is { } next)
        {
            ContinueAsNew(next.Input, next.PreserveEvents);
        }
        else
        {
            FinishWithOutput(((Task<object?>)task).Result);
        }
    }

    private void FinishWithOutput(object? output)
    {
        try
        {
            Finish(OrchestrationRuntimeStatus.Completed, PayloadSerializer.Serialize(output, int.MaxValue, "orchestration output"), null);
        }
        catch (ArgumentException ex)
        {
            Finish(OrchestrationRuntimeStatus.Failed, null, TaskFailureDetails.FromException(ex));
        }
    }

    private void ContinueAsNew(string? input, bool preserveEvents)
    {
        var start = context.StartEvent!;
        var executionId = DeterministicGuid.Create($"{context.ExecutionId}:continue-as-new").ToString("N");
        var carry = preserveEvents
            ? context.BufferedEvents.Concat(_heldWhileSuspended.Where(h => h.Kind == HistoryEventKind.EventRaised)).ToList()
            : [];
        var next = start with { Input = input, ExecutionId = executionId, Carryover = carry, Timestamp = default };
        _messages.Add(new OutboundMessage(MessageTarget.Control, new TaskMessage(executionId, context.InstanceId, executionId, next)));
        Finish(OrchestrationRuntimeStatus.ContinuedAsNew, input, null);
    }

    private void Finish(OrchestrationRuntimeStatus status, string? output, TaskFailureDetails? failure)
    {
        _done = true;
        _completion = new HistoryEvent(HistoryEventKind.ExecutionCompleted)
        {
            Status = status, Result = output, Failure = failure, Timestamp = context.Now,
        };
        if (context.StartEvent is { ParentInstanceId: { } parent, ParentTaskId: { } taskId } start && status != OrchestrationRuntimeStatus.ContinuedAsNew)
        {
            var result = status == OrchestrationRuntimeStatus.Completed
                ? new HistoryEvent(HistoryEventKind.SubOrchestrationCompleted) { TaskId = taskId, Result = output }
                : new HistoryEvent(HistoryEventKind.SubOrchestrationFailed)
                {
                    TaskId = taskId,
                    Failure = failure ?? new TaskFailureDetails("Terminated", $"Sub-orchestration '{context.InstanceId}' was terminated: {output}"),
                };
            _messages.Add(new OutboundMessage(MessageTarget.Control,
                new TaskMessage($"{context.ExecutionId}:result", parent, start.ParentExecutionId, result)));
        }
    }
}
