namespace DataOps.Durable.Runtime.Replay;

/// <summary>What one episode produced: the events to append, the messages to send and the instance state.</summary>
internal sealed record EpisodeResult(
    IReadOnlyList<HistoryEvent> NewEvents,
    IReadOnlyList<OutboundMessage> Messages,
    OrchestrationRuntimeStatus Status)
{
    public required string Name { get; init; }

    public string? Input { get; init; }

    public string? Output { get; init; }

    public TaskFailureDetails? Failure { get; init; }

    public string? CustomStatus { get; init; }

    public bool CustomStatusChanged { get; init; }
}
