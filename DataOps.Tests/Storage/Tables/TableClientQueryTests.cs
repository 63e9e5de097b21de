using Azure;
using DataOps.Storage.Tables;
using DataOps.Tests.Infrastructure;

namespace DataOps.Tests.Storage.Tables;

public sealed class TableClientQueryTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly TableClient _table =
        new TableServiceClient(azurite.ConnectionString, StorageTestOptions.Fast()).GetTableClient(AzuriteFixture.UniqueName("query"));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        await _table.CreateIfNotExistsAsync(Ct);
        foreach (var partition in new[] { "client-a", "client-b" })
        {
            var actions = Enumerable.Range(0, 10).Select(i => new TableTransactionAction(
                TableTransactionActionType.Add,
                new TableEntity(partition, $"row{i:D2}") { ["Index"] = i, ["Status"] = i % 2 == 0 ? "READY" : "FAILED", ["Size"] = i * 1000L }));
            await _table.SubmitTransactionAsync(actions, Ct);
        }
    }

    public async ValueTask DisposeAsync() => await _table.DeleteAsync();

    [Fact]
    public async Task QueryAsync_ByPartitionWithSmallPages_FollowsContinuationOverEveryPage()
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {"client-a"}");

        var pages = new List<Page<TableEntity>>();
        await foreach (var page in _table.QueryAsync<TableEntity>(filter, maxPerPage: 3, cancellationToken: Ct).AsPages())
        {
            pages.Add(page);
        }

        Assert.Equal(4, pages.Count);
        Assert.All(pages.Take(3), p => Assert.Equal(3, p.Values.Count));
        Assert.NotNull(pages[0].ContinuationToken);
        Assert.Equal(Enumerable.Range(0, 10).Select(i => $"row{i:D2}"), pages.SelectMany(p => p.Values).Select(e => e.RowKey));
    }

    [Fact]
    public async Task QueryAsync_NoFilter_ReturnsEveryEntityAcrossPartitions()
    {
        var count = 0;
        await foreach (var unused in _table.QueryAsync<TableEntity>(maxPerPage: 7, cancellationToken: Ct))
        {
            count++;
        }

        Assert.Equal(20, count);
    }

    [Fact]
    public async Task QueryAsync_FilterOnPropertiesWithSelect_ReturnsMatchesWithSelectedColumnsOnly()
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {"client-b"} and Status eq {"READY"} and Size ge {4000L}");

        var results = new List<TableEntity>();
        await foreach (var entity in _table.QueryAsync<TableEntity>(filter, select: ["Index"], cancellationToken: Ct))
        {
            results.Add(entity);
        }

        Assert.Equal([4, 6, 8], results.Select(e => e.GetInt32("Index")!.Value));
        Assert.All(results, e => Assert.False(e.ContainsKey("Status")));
    }

    [Fact]
    public async Task QueryAsync_TypedEntities_MapsProperties()
    {
        var results = new List<QueryRow>();
        await foreach (var row in _table.QueryAsync<QueryRow>(TableClient.CreateQueryFilter($"Index eq {9}"), cancellationToken: Ct))
        {
            results.Add(row);
        }

        Assert.Equal(2, results.Count);
        Assert.All(results, r => Assert.Equal(("FAILED", 9000L), (r.Status, r.Size)));
    }

    [Fact]
    public async Task QueryAsync_FilterWithQuoteInValue_IsEscapedAndMatchesNothing()
    {
        var filter = TableClient.CreateQueryFilter($"Status eq {"READY' or Status eq 'FAILED"}");

        var count = 0;
        await foreach (var unused in _table.QueryAsync<TableEntity>(filter, cancellationToken: Ct))
        {
            count++;
        }

        Assert.Equal(0, count);
    }

    [Fact]
    public void QueryAsync_PageSizeOutOfRange_ThrowsArgumentOutOfRange()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => _table.QueryAsync<TableEntity>(maxPerPage: 1001, cancellationToken: Ct));
    }

    public sealed class QueryRow : ITableEntity
    {
        public string PartitionKey { get; set; } = string.Empty;

        public string RowKey { get; set; } = string.Empty;

        public DateTimeOffset? Timestamp { get; set; }

        public ETag ETag { get; set; }

        public string Status { get; set; } = string.Empty;

        public long Size { get; set; }
    }
}
