using Azure;
using Azure.Data.Tables;

namespace DataOps.Functions.Registry;

/// <summary>
/// The journey projection on Table storage, fed by journey events. Updates are ETag-guarded and ordered by the
/// event's own time, so duplicates and late arrivals change nothing.
/// </summary>
public sealed class JourneyProjectionStore(RegistryTables tables)
{
    /// <summary>Loads a journey; null when no event about it arrived yet.</summary>
    public async Task<JourneyView?> GetAsync(string journeyId, CancellationToken cancellationToken = default)
    {
        await tables.EnsureCreatedAsync().ConfigureAwait(false);
        var row = await tables.Journeys.GetEntityIfExistsAsync<TableEntity>(journeyId, string.Empty, cancellationToken: cancellationToken).ConfigureAwait(false);
        return row.HasValue ? ToView(row.Value!) : null;
    }

    /// <summary>Every journey the projection knows, in one pass over the table (the reports' estate-wide reads).</summary>
    public async Task<IReadOnlyList<JourneyView>> ListAsync(CancellationToken cancellationToken = default)
    {
        await tables.EnsureCreatedAsync().ConfigureAwait(false);
        var journeys = new List<JourneyView>();
        await foreach (var row in tables.Journeys.QueryAsync<TableEntity>(cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            journeys.Add(ToView(row));
        }

        return journeys;
    }

    /// <summary>Applies an event: the journey is (now) in <paramref name="stage"/>, or completed.</summary>
    public async Task<JourneyView> ApplyAsync(string journeyId, string clientId, string? stage, bool completed, DateTimeOffset occurredAt, CancellationToken cancellationToken = default)
    {
        await tables.EnsureCreatedAsync().ConfigureAwait(false);
        for (var attempt = 0; ; attempt++)
        {
            var existing = await tables.Journeys.GetEntityIfExistsAsync<TableEntity>(journeyId, string.Empty, cancellationToken: cancellationToken).ConfigureAwait(false);
            var current = existing.HasValue ? ToView(existing.Value!) : null;
            if (current is not null && (current.LastEventAt > occurredAt || (current.Completed && !completed)))
            {
                return current;
            }

            var row = new TableEntity(journeyId, string.Empty)
            {
                ["ClientId"] = clientId,
                ["CurrentStage"] = completed ? current?.CurrentStage ?? stage : stage,
                ["Completed"] = completed || (current?.Completed ?? false),
                ["LastEventAt"] = occurredAt,
            };
            try
            {
                if (existing.HasValue)
                {
                    await tables.Journeys.UpdateEntityAsync(row, existing.Value!.ETag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    await tables.Journeys.AddEntityAsync(row, cancellationToken).ConfigureAwait(false);
                }

                return ToView(row);
            }
            catch (RequestFailedException ex) when (ex.Status is 409 or 412 && attempt < 5)
            {
                // Another event for the same journey landed first: re-read and decide again.
            }
        }
    }

    private static JourneyView ToView(TableEntity row) => new(
        row.PartitionKey,
        row.GetString("ClientId") ?? string.Empty,
        row.GetString("CurrentStage"),
        row.GetBoolean("Completed") ?? false,
        row.GetDateTimeOffset("LastEventAt") ?? default);
}
