using System.Text.Json.Serialization;

namespace DataOps.Durable.Runtime;

/// <summary>
/// One history event. A single flat record (rather than a class hierarchy) keeps the JSON stored in history
/// rows and queue messages small and version-tolerant; unused fields are omitted when serialized.
/// </summary>
internal sealed record HistoryEvent(HistoryEventKind Kind)
{
    /// <summary>Sequence number of the activity, timer or sub-orchestration within the execution; -1 when not a task.</summary>
    public int TaskId { get; init; } = -1;

    /// <summary>When the event was recorded (the worker's <see cref="TimeProvider"/>).</summary>
    public DateTime Timestamp { get; init; }

    /// <summary>Orchestrator, activity or external event name.</summary>
    public string? Name { get; init; }

    /// <summary>Input or event payload as JSON (or a large-message reference).</summary>
    public string? Input { get; init; }

    /// <summary>Result as JSON (or a large-message reference).</summary>
    public string? Result { get; init; }

    public TaskFailureDetails? Failure { get; init; }

    public DateTime? FireAt { get; init; }

    /// <summary>The execution an ExecutionStarted event begins.</summary>
    public string? ExecutionId { get; init; }

    /// <summary>Id of the message that delivered the event; duplicate deliveries are detected with it.</summary>
    public string? MessageId { get; init; }

    public string? ChildInstanceId { get; init; }

    public string? ParentInstanceId { get; init; }

    public string? ParentExecutionId { get; init; }

    public int? ParentTaskId { get; init; }

    public OrchestrationRuntimeStatus? Status { get; init; }

    /// <summary>External events carried into a new execution by ContinueAsNew.</summary>
    public IReadOnlyList<HistoryEvent>? Carryover { get; init; }

    /// <summary>True for events that complete a task the orchestrator awaits.</summary>
    [JsonIgnore]
    public bool IsTaskResult => Kind is HistoryEventKind.TaskCompleted or HistoryEventKind.TaskFailed
        or HistoryEventKind.SubOrchestrationCompleted or HistoryEventKind.SubOrchestrationFailed or HistoryEventKind.TimerFired;

    /// <summary>True for events recording an action the orchestrator took.</summary>
    [JsonIgnore]
    public bool IsAction => Kind is HistoryEventKind.TaskScheduled or HistoryEventKind.TimerCreated
        or HistoryEventKind.SubOrchestrationCreated;
}
