namespace DataOps.Durable.Runtime.Dispatch;

/// <summary>How the messages of one episode were sorted: new events, duplicates and stale ones (deleted), or deferred.</summary>
internal sealed class MessageSelection
{
    public List<HistoryEvent> Events { get; } = [];

    public List<ReceivedMessage> Consumed { get; } = [];

    public List<ReceivedMessage> Deferred { get; } = [];

    public bool SawDuplicate { get; set; }

    public bool StartsNewExecution { get; set; }

    public HistoryEvent? Start { get; set; }

    /// <summary>
    /// Sub-orchestration starts of another parent dropped because an execution of this instance is still running:
    /// their parents are answered with a failure so they do not wait for ever.
    /// </summary>
    public List<HistoryEvent> RejectedStarts { get; } = [];
}
