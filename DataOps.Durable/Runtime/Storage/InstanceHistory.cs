using Azure;

namespace DataOps.Durable.Runtime.Storage;

/// <summary>
/// The committed history of an instance's current execution, as loaded from the history table, plus the summary
/// kept in the sentinel row. Kept in memory between episodes; the sentinel ETag proves it is still current.
/// </summary>
internal sealed class InstanceHistory(string instanceId)
{
    public string InstanceId { get; } = instanceId;

    /// <summary>ETag of the sentinel row; default when the instance has no history yet.</summary>
    public ETag SentinelETag { get; set; }

    public long NextSequence { get; set; }

    /// <summary>First sequence number of the current execution (earlier rows belong to finished executions).</summary>
    public long Start { get; set; }

    public List<HistoryEvent> Events { get; private set; } = [];

    public HashSet<int> ResolvedTaskIds { get; private set; } = [];

    public HashSet<int> ScheduledTaskIds { get; private set; } = [];

    public HashSet<string> MessageIds { get; private set; } = new(StringComparer.Ordinal);

    /// <summary>Row keys of finished executions, deleted after a new execution commits.</summary>
    public List<string> StaleRowKeys { get; } = [];

    public InstanceSummary Summary { get; set; } = new();

    public string? ExecutionId => Summary.ExecutionId;

    public bool Exists => !SentinelETag.Equals(default(ETag));

    /// <summary>True once the current execution has ended (including ContinuedAsNew).</summary>
    public bool IsFinished => Summary.Status is OrchestrationRuntimeStatus.Completed or OrchestrationRuntimeStatus.Failed
        or OrchestrationRuntimeStatus.Terminated or OrchestrationRuntimeStatus.ContinuedAsNew;

    public void Append(IEnumerable<HistoryEvent> events)
    {
        foreach (var e in events)
        {
            Events.Add(e);
            Track(e);
        }
    }

    /// <summary>Begins a new execution: the previous execution's rows stay until the new one commits.</summary>
    public void Reset()
    {
        for (var sequence = Start; sequence < NextSequence; sequence++)
        {
            StaleRowKeys.Add(HistoryStore.RowKey(sequence));
        }

        Start = NextSequence;
        Events = [];
        ResolvedTaskIds = [];
        ScheduledTaskIds = [];
        MessageIds = new HashSet<string>(StringComparer.Ordinal);
    }

    private void Track(HistoryEvent e)
    {
        if (e.IsTaskResult)
        {
            ResolvedTaskIds.Add(e.TaskId);
        }
        else if (e.IsAction)
        {
            ScheduledTaskIds.Add(e.TaskId);
        }

        if (e.MessageId is not null)
        {
            MessageIds.Add(e.MessageId);
        }
    }
}
