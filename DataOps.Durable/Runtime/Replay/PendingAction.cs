namespace DataOps.Durable.Runtime.Replay;

/// <summary>An action the orchestrator code took, waiting to be matched against history or committed as new.</summary>
/// <param name="Event">The history event that records the action.</param>
/// <param name="Message">The message that carries it out.</param>
internal sealed record PendingAction(HistoryEvent Event, OutboundMessage Message);
