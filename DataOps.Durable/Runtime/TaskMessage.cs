namespace DataOps.Durable.Runtime;

/// <summary>
/// The body of every control-queue and work-item message: the event to deliver to an instance.
/// <see cref="NotBefore"/> (timers, delayed starts) is data, compared against the <see cref="TimeProvider"/>
/// when the message is received; a message that is not yet due is deferred again.
/// </summary>
internal sealed record TaskMessage(string Id, string InstanceId, string? ExecutionId, HistoryEvent Event)
{
    public DateTime? NotBefore { get; init; }
}
