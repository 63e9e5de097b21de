using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using DataOps.Functions.Registry;
using DataOps.Functions.Storage;
using DataOps.Tests.Functions.Registry;
using DataOps.Tests.Infrastructure;

namespace DataOps.Tests.Functions.Storage;

/// <summary>
/// Purging rows in table transactions on the real table service (Azurite): every matching row goes, every other row
/// stays, a partition's rows go 100 to a request, and two purges racing over the same rows delete each row once.
/// </summary>
public sealed class TableRowPurgeTests(AzuriteFixture azurite)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task DeleteAsync_DeletesMatchingRowsByPartitionInTransactions_AndKeepsTheRest()
    {
        var requests = new RequestCounter();
        var options = new TableClientOptions();
        options.AddPolicy(requests, HttpPipelinePosition.PerRetry);
        var table = new TableClient(azurite.ConnectionString, AzuriteFixture.UniqueName("purge"), options);
        await table.CreateAsync(Ct);
        await SeedAsync(table, ("big", 250, true), ("small", 3, true), ("single", 1, true), ("big", 7, false), ("kept", 5, false));
        requests.Reset();

        var deleted = await TableRowPurge.DeleteAsync(table, "Old eq true", Ct);

        Assert.Equal(254, deleted);
        var left = await CountAsync(table);
        Assert.Equal(12, left);
        Assert.Equal(0, await CountAsync(table, "Old eq true"));

        // One query page and five transactions (big: 100 + 100 + 50, small, single); one request per row was 254.
        Assert.InRange(requests.Count, 6, 8);
        Assert.Equal(0, await TableRowPurge.DeleteAsync(table, "Old eq true", Ct));
    }

    [Fact]
    public async Task DeleteAsync_TwoPurgesRacing_DeleteEachRowOnce()
    {
        var table = new TableClient(azurite.ConnectionString, AzuriteFixture.UniqueName("purge"));
        await table.CreateAsync(Ct);
        await SeedAsync(table, ("a", 230, true), ("b", 40, true), ("c", 5, false));

        var counts = await Task.WhenAll(
            TableRowPurge.DeleteAsync(table, "Old eq true", Ct, parallelism: 2),
            TableRowPurge.DeleteAsync(table, "Old eq true", Ct, parallelism: 3));

        Assert.Equal(270, counts.Sum());
        Assert.Equal(5, await CountAsync(table));
    }

    [Fact]
    public async Task AuditPurge_DeletesEntriesPastRetentionOnly()
    {
        var harness = new RegistryHarness(azurite);
        var now = RegistryHarness.T0.AddDays(200);
        var events = new List<OutboxEvent>();
        for (var i = 0; i < 130; i++)
        {
            events.Add(new OutboxEvent($"old-{i}", "DatasetProvisioned", "dataset-old", now.AddDays(-91).AddMinutes(i), "{}"));
        }

        events.Add(new OutboxEvent("old-other", "DatasetProvisioned", "dataset-other", now.AddDays(-120), "{}"));
        events.Add(new OutboxEvent("recent", "DatasetProvisioned", "dataset-old", now.AddDays(-89), "{}"));
        events.Add(new OutboxEvent("recent-other", "DatasetProvisioned", "dataset-other", now.AddHours(-1), "{}"));
        await harness.Audit.PublishAsync(events, Ct);

        Assert.Equal(131, await harness.Audit.PurgeExpiredAsync(now, Ct));

        Assert.Equal(["recent"], (await harness.Audit.ReadAsync("dataset-old", Ct)).Select(e => e.EventId));
        Assert.Equal(["recent-other"], (await harness.Audit.ReadAsync("dataset-other", Ct)).Select(e => e.EventId));
        Assert.Equal(0, await harness.Audit.PurgeExpiredAsync(now, Ct));
    }

    private static async Task SeedAsync(TableClient table, params (string Partition, int Rows, bool Old)[] groups)
    {
        foreach (var (partition, rows, old) in groups)
        {
            var entities = Enumerable.Range(0, rows)
                .Select(i => new TableEntity(partition, $"{(old ? "o" : "n")}{i:D4}") { ["Old"] = old })
                .ToList();
            foreach (var chunk in entities.Chunk(TableRowPurge.MaxRowsPerTransaction))
            {
                await table.SubmitTransactionAsync(chunk.Select(e => new TableTransactionAction(TableTransactionActionType.Add, e)), Ct);
            }
        }
    }

    private static async Task<int> CountAsync(TableClient table, string? filter = null)
    {
        var count = 0;
        await foreach (var _ in table.QueryAsync<TableEntity>(filter, select: ["PartitionKey"], cancellationToken: Ct))
        {
            count++;
        }

        return count;
    }

    private sealed class RequestCounter : HttpPipelineSynchronousPolicy
    {
        private int _count;

        public int Count => Volatile.Read(ref _count);

        public void Reset() => Interlocked.Exchange(ref _count, 0);

        public override void OnSendingRequest(HttpMessage message) => Interlocked.Increment(ref _count);
    }
}
