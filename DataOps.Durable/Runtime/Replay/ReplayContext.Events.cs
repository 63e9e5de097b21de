namespace DataOps.Durable.Runtime.Replay;

/// <summary>External events and the delivery of history events to the awaiting orchestrator code.</summary>
internal sealed partial class ReplayContext
{
    private readonly List<(string Name, Action<HistoryEvent> Deliver)> _waiters = [];
    private readonly List<HistoryEvent> _buffered = [];

    /// <summary>Actions taken by the code that history has not (yet) recorded.</summary>
    public IReadOnlyDictionary<int, PendingAction> Pending => _pending;

    /// <summary>External events received but not consumed by a wait.</summary>
    public IReadOnlyList<HistoryEvent> BufferedEvents => _buffered;

    public override Task<T> WaitForExternalEvent<T>(string eventName, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(eventName);
        var completion = new TaskCompletionSource<T>();
        var index = _buffered.FindIndex(e => string.Equals(e.Name, eventName, StringComparison.OrdinalIgnoreCase));
        if (index >= 0)
        {
            var buffered = _buffered[index];
            _buffered.RemoveAt(index);
            Deliver(completion, eventName, buffered);
            return completion.Task;
        }

        (string, Action<HistoryEvent>) waiter = (eventName, e => Deliver(completion, eventName, e));
        _waiters.Add(waiter);
        if (cancellationToken.CanBeCanceled)
        {
            cancellationToken.Register(() =>
            {
                if (_waiters.Remove(waiter))
                {
                    completion.TrySetCanceled(cancellationToken);
                }
            });
        }

        return completion.Task;
    }

    /// <summary>Matches an action event from history against the action the code took; null when they agree.</summary>
    public string? MatchAction(HistoryEvent recorded)
    {
        if (!_pending.TryGetValue(recorded.TaskId, out var action))
        {
            return $"history records {Describe(recorded)} but the orchestrator code did not schedule it at this point";
        }

        if (action.Event.Kind != recorded.Kind || !string.Equals(action.Event.Name, recorded.Name, StringComparison.OrdinalIgnoreCase))
        {
            return $"history records {Describe(recorded)} but the orchestrator code now schedules {Describe(action.Event)}";
        }

        _pending.Remove(recorded.TaskId);
        return null;
    }

    /// <summary>Completes the task awaiting <paramref name="result"/>; false when nothing awaits it (a duplicate).</summary>
    public bool DeliverResult(HistoryEvent result)
    {
        if (!_open.Remove(result.TaskId, out var deliver))
        {
            return false;
        }

        deliver(result);
        return true;
    }

    public void DeliverEvent(HistoryEvent raised)
    {
        var index = _waiters.FindIndex(w => string.Equals(w.Name, raised.Name, StringComparison.OrdinalIgnoreCase));
        if (index < 0)
        {
            _buffered.Add(raised);
            return;
        }

        var waiter = _waiters[index];
        _waiters.RemoveAt(index);
        waiter.Deliver(raised);
    }

    private static void Deliver<T>(TaskCompletionSource<T> completion, string eventName, HistoryEvent raised)
    {
        try
        {
            completion.TrySetResult(DurableJson.Deserialize<T>(raised.Input)!);
        }
        catch (Exception ex) when (ex is System.Text.Json.JsonException or NotSupportedException)
        {
            completion.TrySetException(new InvalidOperationException(
                $"The payload of external event '{eventName}' cannot be read as '{typeof(T).FullName}': {ex.Message}", ex));
        }
    }

    private static string Describe(HistoryEvent e) => e.Kind switch
    {
        HistoryEventKind.TimerCreated => $"a timer (#{e.TaskId})",
        HistoryEventKind.SubOrchestrationCreated => $"sub-orchestration '{e.Name}' (#{e.TaskId})",
        _ => $"activity '{e.Name}' (#{e.TaskId})",
    };
}
