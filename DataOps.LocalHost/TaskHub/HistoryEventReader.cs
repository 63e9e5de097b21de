using System.Collections.Frozen;
using DurableTask.Core.History;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace DataOps.LocalHost.TaskHub;

/// <summary>
/// Reads the history dump a backend returns from <see cref="DurableTask.Core.IOrchestrationServiceClient.GetOrchestrationHistoryAsync"/>
/// (a JSON array of history events written without type names) back into <see cref="HistoryEvent"/> objects: each
/// element's <c>EventType</c> picks the concrete event class of DurableTask.Core, and only those classes are ever
/// created.
/// </summary>
internal static class HistoryEventReader
{
    private static readonly FrozenDictionary<EventType, Type> EventClasses = typeof(HistoryEvent).Assembly
        .GetTypes()
        .Where(t => t is { IsAbstract: false, IsClass: true } && typeof(HistoryEvent).IsAssignableFrom(t) && t.Namespace == typeof(HistoryEvent).Namespace)
        .GroupBy(KindOf)
        .ToFrozenDictionary(g => g.Key, g => g.OrderBy(t => t.Name, StringComparer.Ordinal).First());

    private static readonly JsonSerializer Serializer = JsonSerializer.Create(new JsonSerializerSettings
    {
        TypeNameHandling = TypeNameHandling.None,
        MissingMemberHandling = MissingMemberHandling.Ignore,
        DateParseHandling = DateParseHandling.DateTime,
        DateTimeZoneHandling = DateTimeZoneHandling.Utc,
    });

    /// <summary>The events of <paramref name="historyJson"/> in order; an empty or missing dump is an empty history.</summary>
    /// <exception cref="InvalidOperationException">The dump is not a JSON array of history events.</exception>
    public static IList<HistoryEvent> Read(string? historyJson)
    {
        if (string.IsNullOrWhiteSpace(historyJson))
        {
            return [];
        }

        JArray events;
        try
        {
            events = JArray.Parse(historyJson);
        }
        catch (JsonReaderException ex)
        {
            throw new InvalidOperationException("The backend's history is not a JSON array.", ex);
        }

        var result = new List<HistoryEvent>(events.Count);
        foreach (var item in events)
        {
            if (item is not JObject entry
                || entry.GetValue(nameof(HistoryEvent.EventType), StringComparison.Ordinal) is not JValue { Type: JTokenType.Integer } kind
                || !EventClasses.TryGetValue((EventType)kind.Value<int>(), out var eventClass))
            {
                throw new InvalidOperationException($"The backend's history holds an event this reader does not know: {Describe(item)}.");
            }

            result.Add((HistoryEvent)(entry.ToObject(eventClass, Serializer)
                ?? throw new InvalidOperationException("The backend's history holds an empty event.")));
        }

        return result;
    }

    private static string Describe(JToken item) =>
        item is JObject o && o.TryGetValue(nameof(HistoryEvent.EventType), StringComparison.Ordinal, out var kind)
            ? $"event type {kind}"
            : $"a {item.Type} element";

    /// <summary>The event type a concrete event class reports, read from a blank instance (no constructor runs).</summary>
    private static EventType KindOf(Type eventClass)
        => ((HistoryEvent)System.Runtime.CompilerServices.RuntimeHelpers.GetUninitializedObject(eventClass)).EventType;
}
