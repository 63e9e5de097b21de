using System.Text.Json;
using DataOps.Functions.Registry;
using DataOps.Functions.Serialization;

namespace DataOps.Functions.Access;

/// <summary>Records who issued each accepted command (<see cref="CommandIssued"/>) in the audit log and on <c>dataset-events</c>.</summary>
public sealed class CommandAudit(AuditLog publisher, TimeProvider time)
{
    /// <summary>
    /// Records one accepted command, on the dataset's stream, else the journey's, else <paramref name="stream"/>. Called
    /// only after the command was accepted, so a refusal records nothing.
    /// </summary>
    public Task RecordAsync(
        Caller caller,
        string command,
        string? datasetId,
        string? journeyId = null,
        string? clientId = null,
        string? instanceId = null,
        string? reason = null,
        string? stream = null,
        CancellationToken cancellationToken = default)
    {
        var issued = new CommandIssued(
            Guid.NewGuid().ToString("N"),
            time.GetUtcNow(),
            command,
            datasetId,
            journeyId,
            clientId,
            instanceId,
            reason,
            CommandIssuer.From(caller));
        stream = datasetId ?? journeyId ?? stream ?? issued.EventId;
        var payload = JsonSerializer.Serialize(issued, DomainJson.Options);
        return publisher.PublishAsync([new OutboxEvent(issued.EventId, CommandIssued.TypeName, stream, issued.OccurredAt, payload)], cancellationToken);
    }
}
