using Microsoft.Extensions.Logging;

namespace DataOps.Durable.Runtime.Replay;

/// <summary>Replays an instance's history through its orchestrator code and runs one new episode.</summary>
internal sealed class OrchestrationExecutor(
    DurableTaskRegistry registry, IServiceProvider services, ILoggerFactory loggerFactory, int maxPayloadBytes)
{
    /// <summary>Runs one episode.</summary>
    /// <param name="instanceId">The instance.</param>
    /// <param name="past">The committed history of the current execution.</param>
    /// <param name="newEvents">The new events, beginning with an OrchestratorStarted event.</param>
    /// <param name="customStatus">The custom status recorded so far.</param>
    public EpisodeResult Execute(string instanceId, IReadOnlyList<HistoryEvent> past, IReadOnlyList<HistoryEvent> newEvents, string? customStatus)
    {
        var context = new ReplayContext(instanceId, registry, maxPayloadBytes, loggerFactory);
        context.RestoreCustomStatus(customStatus);
        var run = new EpisodeRun(context, registry, services);
        return run.Execute(past, Expand(newEvents));
    }

    /// <summary>ContinueAsNew carries unconsumed events inside the start message; history records them as events.</summary>
    private static List<HistoryEvent> Expand(IReadOnlyList<HistoryEvent> newEvents)
    {
        var expanded = new List<HistoryEvent>(newEvents.Count);
        foreach (var e in newEvents)
        {
            if (e is { Kind: HistoryEventKind.ExecutionStarted, Carryover.Count: > 0 })
            {
                expanded.Add(e with { Carryover = null });
                expanded.AddRange(e.Carryover.Select(c => c with { Timestamp = e.Timestamp }));
            }
            else
            {
                expanded.Add(e);
            }
        }

        return expanded;
    }
}
