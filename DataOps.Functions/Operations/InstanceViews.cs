using System.Text.Json;
using DurableTask.Core.History;
using Microsoft.DurableTask.Client;

namespace DataOps.Functions.Operations;

/// <summary>One orchestration instance as the operations API shows it.</summary>
/// <param name="InstanceId">Instance id.</param>
/// <param name="Name">Orchestrator name.</param>
/// <param name="RuntimeStatus">Runtime status (Running, Completed, Failed, Terminated, ...).</param>
/// <param name="CreatedAt">When it was created.</param>
/// <param name="LastUpdatedAt">When it last changed.</param>
/// <param name="CustomStatus">Its custom status as JSON, or null.</param>
/// <param name="Output">Its output as JSON (a termination reason for a terminated one), or null.</param>
/// <param name="Failure">The failure message of a failed instance, or null.</param>
/// <param name="History">Its history, oldest first; null when the backend cannot read histories.</param>
/// <param name="HistoryTruncated">Whether only the first <see cref="InstanceViews.MaxHistoryEvents"/> events are shown.</param>
public sealed record InstanceView(
    string InstanceId,
    string Name,
    string RuntimeStatus,
    DateTimeOffset CreatedAt,
    DateTimeOffset LastUpdatedAt,
    JsonElement? CustomStatus,
    JsonElement? Output,
    string? Failure,
    IReadOnlyList<HistoryView>? History,
    bool HistoryTruncated);

/// <summary>One history event, reduced to what an operator reads.</summary>
/// <param name="EventType">The event type (TaskScheduled, TimerCreated, ...).</param>
/// <param name="Timestamp">When it was recorded.</param>
/// <param name="Name">The activity, sub-orchestration, timer or event it concerns, or null.</param>
/// <param name="Detail">A short detail (a timer's fire time, a failure message, a child instance id), or null.</param>
public sealed record HistoryView(string EventType, DateTimeOffset Timestamp, string? Name, string? Detail);

/// <summary>Projections of orchestration metadata and history for the operations API.</summary>
internal static class InstanceViews
{
    /// <summary>The most history events shown per instance.</summary>
    public const int MaxHistoryEvents = 500;

    /// <summary>Projects an instance read with its inputs and outputs; <paramref name="history"/> may be null.</summary>
    public static InstanceView From(OrchestrationMetadata instance, IList<HistoryEvent>? history)
    {
        ArgumentNullException.ThrowIfNull(instance);
        var events = history is null ? null : Project(history);
        return new InstanceView(
            instance.InstanceId,
            instance.Name,
            instance.RuntimeStatus.ToString(),
            instance.CreatedAt,
            instance.LastUpdatedAt,
            ParseJson(instance.SerializedCustomStatus),
            ParseJson(instance.SerializedOutput),
            instance.FailureDetails?.ErrorMessage,
            events?.Take(MaxHistoryEvents).ToList(),
            events is { Count: > MaxHistoryEvents });
    }

    /// <summary>
    /// The history an operator reads: the replay markers (orchestrator started/completed) are left out, and each
    /// completion names the activity or sub-orchestration it completes.
    /// </summary>
    public static IReadOnlyList<HistoryView> Project(IEnumerable<HistoryEvent> history)
    {
        ArgumentNullException.ThrowIfNull(history);
        var scheduled = new Dictionary<int, string>();
        var views = new List<HistoryView>();
        foreach (var e in history)
        {
            var timestamp = new DateTimeOffset(DateTime.SpecifyKind(e.Timestamp, DateTimeKind.Utc));
            HistoryView? view = e switch
            {
                OrchestratorStartedEvent or OrchestratorCompletedEvent or GenericEvent or HistoryStateEvent => null,
                ExecutionStartedEvent s => new(s.EventType.ToString(), timestamp, s.Name, null),
                TaskScheduledEvent s => Remember(s.EventId, s.Name, new(s.EventType.ToString(), timestamp, s.Name, null)),
                TaskCompletedEvent c => new(c.EventType.ToString(), timestamp, NameOf(c.TaskScheduledId), null),
                TaskFailedEvent f => new(f.EventType.ToString(), timestamp, NameOf(f.TaskScheduledId), f.FailureDetails?.ErrorMessage ?? f.Reason),
                SubOrchestrationInstanceCreatedEvent s => Remember(s.EventId, s.Name, new(s.EventType.ToString(), timestamp, s.Name, s.InstanceId)),
                SubOrchestrationInstanceCompletedEvent c => new(c.EventType.ToString(), timestamp, NameOf(c.TaskScheduledId), null),
                SubOrchestrationInstanceFailedEvent f => new(f.EventType.ToString(), timestamp, NameOf(f.TaskScheduledId), f.FailureDetails?.ErrorMessage ?? f.Reason),
                TimerCreatedEvent t => new(t.EventType.ToString(), timestamp, null, "fires at " + Iso(t.FireAt)),
                TimerFiredEvent t => new(t.EventType.ToString(), timestamp, null, "fired for " + Iso(t.FireAt)),
                EventRaisedEvent r => new(r.EventType.ToString(), timestamp, r.Name, null),
                EventSentEvent s => new(s.EventType.ToString(), timestamp, s.Name, "to " + s.InstanceId),
                ExecutionCompletedEvent c => new(c.EventType.ToString(), timestamp, null, c.FailureDetails?.ErrorMessage ?? c.OrchestrationStatus.ToString()),
                ExecutionTerminatedEvent t => new(t.EventType.ToString(), timestamp, null, t.Input),
                _ => new(e.EventType.ToString(), timestamp, null, null),
            };
            if (view is not null)
            {
                views.Add(view);
            }
        }

        return views;

        HistoryView Remember(int eventId, string? name, HistoryView view)
        {
            scheduled[eventId] = name ?? string.Empty;
            return view;
        }

        string? NameOf(int scheduledId) => scheduled.GetValueOrDefault(scheduledId);
    }

    /// <summary>A stored JSON payload as an element; a payload that is not JSON is returned as a JSON string.</summary>
    public static JsonElement? ParseJson(string? serialized)
    {
        if (string.IsNullOrEmpty(serialized))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(serialized);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return JsonSerializer.SerializeToElement(serialized);
        }
    }

    private static string Iso(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("O", System.Globalization.CultureInfo.InvariantCulture);
}
