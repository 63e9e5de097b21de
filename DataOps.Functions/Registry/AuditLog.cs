using System.Globalization;
using System.Text;
using Azure;
using Azure.Data.Tables;
using DataOps.Functions.Storage;
using Microsoft.Extensions.Options;

namespace DataOps.Functions.Registry;

/// <summary>
/// The audit log of domain events (one row per event id, partitioned by dataset) and their publication to the
/// <c>dataset-events</c> queue. A row is written before the message is sent and marked published after, so a crash
/// in between re-sends the message on the next attempt instead of losing it.
/// </summary>
public sealed class AuditLog(RegistryTables tables, IOptions<RegistryOptions> options) : IDomainEventPublisher
{
    private const string PublishedColumn = "Published";

    /// <inheritdoc />
    public async Task PublishAsync(IReadOnlyList<OutboxEvent> events, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(events);
        await tables.EnsureCreatedAsync().ConfigureAwait(false);
        foreach (var e in events)
        {
            await PublishOneAsync(e, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The audit entries of one dataset (or journey), oldest first.</summary>
    public async Task<IReadOnlyList<AuditEntry>> ReadAsync(string streamId, CancellationToken cancellationToken = default)
    {
        await tables.EnsureCreatedAsync().ConfigureAwait(false);
        var entries = new List<AuditEntry>();
        await foreach (var row in tables.Audit.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {streamId}"), cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            entries.Add(new AuditEntry(
                row.GetString("EventId") ?? string.Empty,
                row.GetString("EventType") ?? string.Empty,
                row.PartitionKey,
                row.GetDateTimeOffset("OccurredAt") ?? default,
                row.GetString("Payload") ?? string.Empty));
        }

        return entries;
    }

    /// <summary>Deletes entries older than the retention period, a partition's rows in transactions (<see cref="TableRowPurge"/>); returns how many went.</summary>
    public async Task<int> PurgeExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        await tables.EnsureCreatedAsync().ConfigureAwait(false);
        var cutoff = now - options.Value.AuditRetention;
        return await TableRowPurge.DeleteAsync(tables.Audit, TableClient.CreateQueryFilter($"OccurredAt lt {cutoff}"), cancellationToken).ConfigureAwait(false);
    }

    private async Task PublishOneAsync(OutboxEvent e, CancellationToken cancellationToken)
    {
        // Row key orders a stream by time and is deterministic, so a retried publication finds its own row; an event
        // raised again at another time (KeyedById) is keyed by its id alone and finds its row all the same.
        var rowKey = e.KeyedById
            ? "id~" + e.EventId
            : e.OccurredAt.UtcDateTime.ToString("yyyyMMddHHmmssfffffff", CultureInfo.InvariantCulture) + "~" + e.EventId;
        var row = new TableEntity(e.StreamId, rowKey)
        {
            ["EventId"] = e.EventId,
            ["EventType"] = e.EventType,
            ["OccurredAt"] = e.OccurredAt,
            ["Payload"] = e.Payload,
            [PublishedColumn] = false,
        };
        ETag etag;
        try
        {
            var added = await tables.Audit.AddEntityAsync(row, cancellationToken).ConfigureAwait(false);
            etag = added.Headers.ETag ?? ETag.All;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            var existing = await tables.Audit.GetEntityAsync<TableEntity>(e.StreamId, rowKey, cancellationToken: cancellationToken).ConfigureAwait(false);
            if (existing.Value.GetBoolean(PublishedColumn) == true)
            {
                return;
            }

            etag = existing.Value.ETag;
        }

        // Base64 like an Azure Functions queue output binding, so Functions-style consumers read it as-is.
        await tables.Events.SendMessageAsync(Convert.ToBase64String(Encoding.UTF8.GetBytes(e.Payload)), cancellationToken: cancellationToken).ConfigureAwait(false);
        try
        {
            await tables.Audit.UpdateEntityAsync(new TableEntity(e.StreamId, rowKey) { [PublishedColumn] = true }, etag, TableUpdateMode.Merge, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status == 412)
        {
            // A concurrent publisher got there first; the message may go out twice, which consumers tolerate.
        }
    }
}
