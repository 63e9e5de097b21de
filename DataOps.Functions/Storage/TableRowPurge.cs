using Azure;
using Azure.Data.Tables;

namespace DataOps.Functions.Storage;

/// <summary>
/// Deletes the rows a query finds in entity-group transactions: the rows of one partition go together, up to
/// <see cref="MaxRowsPerTransaction"/> to a transaction (the service's limit), with at most a bounded number of
/// transactions in flight, instead of one request per row. Rows come back from a query ordered by partition, so each
/// partition's rows are gathered as they arrive and nothing is held in memory beyond the transactions in flight.
/// </summary>
internal static class TableRowPurge
{
    /// <summary>The most operations a table transaction may hold.</summary>
    public const int MaxRowsPerTransaction = 100;

    /// <summary>Transactions in flight at once unless the caller says otherwise.</summary>
    public const int DefaultParallelism = 4;

    /// <summary>Deletes every row <paramref name="filter"/> matches; returns how many this call deleted.</summary>
    /// <remarks>
    /// A row deleted meanwhile by someone else (another purge) fails its whole transaction; that batch is then deleted
    /// row by row, a row already gone counting as not deleted by this call.
    /// </remarks>
    public static async Task<int> DeleteAsync(TableClient table, string filter, CancellationToken cancellationToken, int parallelism = DefaultParallelism)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentOutOfRangeException.ThrowIfLessThan(parallelism, 1);
        var inFlight = new List<Task<int>>(parallelism);
        var batch = new List<TableEntity>(MaxRowsPerTransaction);
        var deleted = 0;
        await foreach (var row in table.QueryAsync<TableEntity>(filter, select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (batch.Count == MaxRowsPerTransaction || (batch.Count > 0 && batch[0].PartitionKey != row.PartitionKey))
            {
                deleted += await SubmitAsync(table, batch, inFlight, parallelism, cancellationToken).ConfigureAwait(false);
                batch = new List<TableEntity>(MaxRowsPerTransaction);
            }

            batch.Add(new TableEntity(row.PartitionKey, row.RowKey));
        }

        if (batch.Count > 0)
        {
            deleted += await SubmitAsync(table, batch, inFlight, parallelism, cancellationToken).ConfigureAwait(false);
        }

        foreach (var count in await Task.WhenAll(inFlight).ConfigureAwait(false))
        {
            deleted += count;
        }

        return deleted;
    }

    /// <summary>Starts the batch's transaction; when the limit is reached, first waits for one in flight and returns its count.</summary>
    private static async Task<int> SubmitAsync(TableClient table, List<TableEntity> batch, List<Task<int>> inFlight, int parallelism, CancellationToken cancellationToken)
    {
        var finished = 0;
        if (inFlight.Count == parallelism)
        {
            var done = await Task.WhenAny(inFlight).ConfigureAwait(false);
            inFlight.Remove(done);
            finished = await done.ConfigureAwait(false);
        }

        inFlight.Add(DeleteBatchAsync(table, batch, cancellationToken));
        return finished;
    }

    private static async Task<int> DeleteBatchAsync(TableClient table, List<TableEntity> rows, CancellationToken cancellationToken)
    {
        try
        {
            await table.SubmitTransactionAsync(rows.Select(r => new TableTransactionAction(TableTransactionActionType.Delete, r, ETag.All)), cancellationToken).ConfigureAwait(false);
            return rows.Count;
        }
        catch (TableTransactionFailedException ex) when (ex.Status == 404)
        {
            var deleted = 0;
            foreach (var row in rows)
            {
                // The client answers a row already gone with 404 rather than an error: deleted meanwhile by someone else.
                using var response = await table.DeleteEntityAsync(row.PartitionKey, row.RowKey, ETag.All, cancellationToken).ConfigureAwait(false);
                if (response.Status != 404)
                {
                    deleted++;
                }
            }

            return deleted;
        }
    }
}
