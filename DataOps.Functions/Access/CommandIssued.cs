namespace DataOps.Functions.Access;

/// <summary>
/// The audit record of one accepted command: what was asked, of what, and by whom. Written to the audit log (the
/// dataset's stream, or the journey's for a provisioning request) and published on <c>dataset-events</c> like a domain
/// event, so the timeline and the event consumers say who made every change.
/// </summary>
/// <param name="EventId">A new id per accepted request.</param>
/// <param name="OccurredAt">When it was accepted.</param>
/// <param name="Command">The command: <c>provision</c>, <c>validate</c>, <c>retry</c>, <c>teardown</c>, <c>cancel_teardown</c>, <c>extend_teardown</c>, <c>terminate_teardown</c>.</param>
/// <param name="DatasetId">The dataset; null for a provisioning request.</param>
/// <param name="JourneyId">The journey, when the command names one.</param>
/// <param name="ClientId">The client, when the command names one.</param>
/// <param name="InstanceId">The orchestration instance the command started or addressed.</param>
/// <param name="Reason">The reason given, if any.</param>
/// <param name="IssuedBy">The caller.</param>
public sealed record CommandIssued(
    string EventId,
    DateTimeOffset OccurredAt,
    string Command,
    string? DatasetId,
    string? JourneyId,
    string? ClientId,
    string? InstanceId,
    string? Reason,
    CommandIssuer IssuedBy)
{
    /// <summary>The event type in the audit log and on the queue.</summary>
    public const string TypeName = "DatasetCommandIssued";

    /// <summary>The event type, as every published event carries it.</summary>
    public string EventType { get; init; } = TypeName;
}
