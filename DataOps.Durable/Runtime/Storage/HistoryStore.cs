using System.Globalization;
using Azure;
using Azure.Data.Tables;

namespace DataOps.Durable.Runtime.Storage;

/// <summary>
/// The history table: one row per event (row key = 16-hex sequence number) and a sentinel row whose ETag guards
/// every checkpoint. A commit writes at most 99 event rows plus the sentinel per entity-group transaction; a
/// longer commit is split into ordered transactions, each conditional on the sentinel ETag left by the previous
/// one, and only the last advances <c>NextSequence</c>, so rows of an interrupted commit stay invisible.
/// </summary>
internal sealed class HistoryStore(TaskHubStorage hub, LargePayloadStore payloads)
{
    public const string SentinelRowKey = "sentinel";
    private const int RowsPerTransaction = 99;

    public static string RowKey(long sequence) => sequence.ToString("x16", CultureInfo.InvariantCulture);

    public async Task<InstanceHistory> LoadAsync(string instanceId, CancellationToken cancellationToken)
    {
        var history = new InstanceHistory(instanceId);
        var rows = new List<TableEntity>();
        await foreach (var row in hub.History.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {instanceId}"), cancellationToken: cancellationToken))
        {
            rows.Add(row);
        }

        var sentinel = rows.Find(r => r.RowKey == SentinelRowKey);
        if (sentinel is null)
        {
            return history;
        }

        history.SentinelETag = sentinel.ETag;
        history.NextSequence = sentinel.GetInt64("NextSequence") ?? 0;
        history.Start = sentinel.GetInt64("Start") ?? 0;
        history.Summary = SummaryEntity.Read(sentinel);
        var committed = new List<(long Sequence, string Json)>();
        foreach (var row in rows.Where(r => r.RowKey != SentinelRowKey))
        {
            var sequence = long.Parse(row.RowKey, NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            if (sequence < history.Start)
            {
                history.StaleRowKeys.Add(row.RowKey);
            }
            else if (sequence < history.NextSequence)
            {
                committed.Add((sequence, row.GetString("Event") ?? string.Empty));
            }
        }

        var events = await Task.WhenAll(committed.OrderBy(c => c.Sequence).Select(async c =>
            MessageCodec.DeserializeEvent((await payloads.ResolveAsync(c.Json, cancellationToken))!)));
        history.Append(events);
        return history;
    }

    /// <summary>Appends <paramref name="newEvents"/> and the new summary; throws <see cref="CheckpointConflictException"/> if another worker committed first.</summary>
    public async Task CommitAsync(InstanceHistory history, IReadOnlyList<HistoryEvent> newEvents, InstanceSummary summary, CancellationToken cancellationToken)
    {
        var rows = new List<TableEntity>(newEvents.Count);
        for (var i = 0; i < newEvents.Count; i++)
        {
            var json = await payloads.OffloadAsync(MessageCodec.Serialize(newEvents[i]), history.InstanceId, cancellationToken);
            var row = new TableEntity(history.InstanceId, RowKey(history.NextSequence + i));
            SummaryEntity.SetIfPresent(row, "Event", json);
            SummaryEntity.SetIfPresent(row, "ExecutionId", summary.ExecutionId);
            rows.Add(row);
        }

        var next = history.NextSequence + newEvents.Count;
        var chunks = rows.Chunk(RowsPerTransaction).ToList();
        var etag = history.SentinelETag;
        for (var c = 0; c < chunks.Count; c++)
        {
            var last = c == chunks.Count - 1;
            var sentinel = SummaryEntity.Write(new TableEntity(history.InstanceId, SentinelRowKey), summary);
            sentinel["NextSequence"] = last ? next : history.NextSequence;
            sentinel["Start"] = history.Start;
            SummaryEntity.SetIfPresent(sentinel, "PendingSequence", last ? null : next);
            var actions = chunks[c].Select(r => new TableTransactionAction(TableTransactionActionType.UpsertReplace, r)).ToList();
            actions.Add(etag.Equals(default(ETag))
                ? new TableTransactionAction(TableTransactionActionType.Add, sentinel)
                : new TableTransactionAction(TableTransactionActionType.UpdateReplace, sentinel, etag));
            try
            {
                var response = await hub.History.SubmitTransactionAsync(actions, cancellationToken);
                etag = response.Value[^1].Headers.ETag ?? throw new InvalidOperationException("The sentinel update returned no ETag.");
            }
            catch (RequestFailedException ex) when (ex.Status is 409 or 412)
            {
                throw new CheckpointConflictException($"Instance '{history.InstanceId}' was checkpointed by another worker.", ex);
            }
        }

        history.SentinelETag = etag;
        history.NextSequence = next;
        history.Summary = summary;
        history.Append(newEvents);
    }

    /// <summary>Best effort: removes rows of finished executions (they are ignored when left behind).</summary>
    public async Task DeleteStaleRowsAsync(InstanceHistory history, CancellationToken cancellationToken)
    {
        foreach (var chunk in history.StaleRowKeys.Chunk(100).ToList())
        {
            var actions = chunk.Select(k => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(history.InstanceId, k), ETag.All));
            try
            {
                await hub.History.SubmitTransactionAsync(actions, cancellationToken);
            }
            catch (RequestFailedException)
            {
                return;
            }
        }

        history.StaleRowKeys.Clear();
    }

    /// <summary>Deletes every history row of an instance, the sentinel last.</summary>
    public async Task DeleteAllAsync(string instanceId, CancellationToken cancellationToken)
    {
        var keys = new List<string>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {instanceId}");
        await foreach (var row in hub.History.QueryAsync<TableEntity>(filter, select: ["RowKey"], cancellationToken: cancellationToken))
        {
            keys.Add(row.RowKey);
        }

        foreach (var chunk in keys.OrderBy(k => k == SentinelRowKey ? 1 : 0).Chunk(100))
        {
            await hub.History.SubmitTransactionAsync(
                chunk.Select(k => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(instanceId, k), ETag.All)), cancellationToken);
        }
    }
}
