using DataOps.Storage.Tables;
using DataOps.Tests.Infrastructure;

namespace DataOps.Tests.Storage.Tables;

public sealed class TableTransactionTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly TableClient _table =
        new TableServiceClient(azurite.ConnectionString, StorageTestOptions.Fast()).GetTableClient(AzuriteFixture.UniqueName("batch"));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => await _table.CreateIfNotExistsAsync(Ct);

    public async ValueTask DisposeAsync() => await _table.DeleteAsync();

    private async Task<int> CountAsync(string partition)
    {
        var count = 0;
        await foreach (var unused in _table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {partition}"), cancellationToken: Ct))
        {
            count++;
        }

        return count;
    }

    [Fact]
    public async Task SubmitTransactionAsync_HundredAdds_AllWrittenWithETags()
    {
        var actions = Enumerable.Range(0, 100)
            .Select(i => new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("p100", $"r{i:D3}") { ["I"] = i }))
            .ToList();

        var result = await _table.SubmitTransactionAsync(actions, Ct);

        Assert.Equal(202, result.GetRawResponse().Status);
        Assert.Equal(100, result.Value.Count);
        Assert.All(result.Value, r => Assert.Equal(204, r.Status));
        Assert.All(result.Value, r => Assert.NotNull(r.Headers.ETag));
        Assert.Equal(100, await CountAsync("p100"));
    }

    [Fact]
    public async Task SubmitTransactionAsync_OneActionConflicts_NothingIsAppliedAndIndexReported()
    {
        await _table.AddEntityAsync(new TableEntity("atomic", "r3") { ["V"] = "existing" }, Ct);
        await _table.AddEntityAsync(new TableEntity("atomic", "u") { ["V"] = "before" }, Ct);
        var actions = new List<TableTransactionAction>
        {
            new(TableTransactionActionType.Add, new TableEntity("atomic", "r0")),
            new(TableTransactionActionType.UpsertReplace, new TableEntity("atomic", "u") { ["V"] = "after" }),
            new(TableTransactionActionType.Add, new TableEntity("atomic", "r2")),
            new(TableTransactionActionType.Add, new TableEntity("atomic", "r3") { ["V"] = "conflict" }),
            new(TableTransactionActionType.Add, new TableEntity("atomic", "r4")),
        };

        var ex = await Assert.ThrowsAsync<TableTransactionFailedException>(() => _table.SubmitTransactionAsync(actions, Ct));

        Assert.Equal(409, ex.Status);
        Assert.Equal("EntityAlreadyExists", ex.ErrorCode);
        Assert.Equal(3, ex.FailedTransactionActionIndex);
        Assert.Contains("action 3", ex.Message, StringComparison.Ordinal);
        Assert.Equal(2, await CountAsync("atomic"));
        Assert.Equal("before", (await _table.GetEntityAsync<TableEntity>("atomic", "u", cancellationToken: Ct)).Value.GetString("V"));
        Assert.Equal("existing", (await _table.GetEntityAsync<TableEntity>("atomic", "r3", cancellationToken: Ct)).Value.GetString("V"));
    }

    [Fact]
    public async Task SubmitTransactionAsync_StaleETagOnUpdate_Fails412AndNothingApplied()
    {
        var added = await _table.AddEntityAsync(new TableEntity("etag", "guard") { ["V"] = 1 }, Ct);
        await _table.UpsertEntityAsync(new TableEntity("etag", "guard") { ["V"] = 2 }, cancellationToken: Ct);
        var actions = new List<TableTransactionAction>
        {
            new(TableTransactionActionType.Add, new TableEntity("etag", "history-1")),
            new(TableTransactionActionType.UpdateReplace, new TableEntity("etag", "guard") { ["V"] = 3 }, added.Headers.ETag!.Value),
        };

        var ex = await Assert.ThrowsAsync<TableTransactionFailedException>(() => _table.SubmitTransactionAsync(actions, Ct));

        Assert.Equal(412, ex.Status);
        Assert.Equal(1, ex.FailedTransactionActionIndex);
        Assert.Equal(1, await CountAsync("etag"));
    }

    [Fact]
    public async Task SubmitTransactionAsync_EveryActionType_AppliesEach()
    {
        await _table.AddEntityAsync(new TableEntity("mix", "merge") { ["A"] = "a", ["B"] = "b" }, Ct);
        var replaceETag = (await _table.AddEntityAsync(new TableEntity("mix", "replace") { ["A"] = "a", ["B"] = "b" }, Ct)).Headers.ETag!.Value;
        await _table.AddEntityAsync(new TableEntity("mix", "upsert-merge") { ["A"] = "a" }, Ct);
        await _table.AddEntityAsync(new TableEntity("mix", "upsert-replace") { ["A"] = "a" }, Ct);
        await _table.AddEntityAsync(new TableEntity("mix", "delete"), Ct);
        var actions = new List<TableTransactionAction>
        {
            new(TableTransactionActionType.Add, new TableEntity("mix", "add") { ["A"] = "new" }),
            new(TableTransactionActionType.UpdateMerge, new TableEntity("mix", "merge") { ["B"] = "b2" }),
            new(TableTransactionActionType.UpdateReplace, new TableEntity("mix", "replace") { ["B"] = "b2" }, replaceETag),
            new(TableTransactionActionType.UpsertMerge, new TableEntity("mix", "upsert-merge") { ["B"] = "b" }),
            new(TableTransactionActionType.UpsertReplace, new TableEntity("mix", "upsert-replace") { ["B"] = "b" }),
            new(TableTransactionActionType.Delete, new TableEntity("mix", "delete")),
        };

        await _table.SubmitTransactionAsync(actions, Ct);

        async Task<TableEntity> Get(string rowKey) => (await _table.GetEntityAsync<TableEntity>("mix", rowKey, cancellationToken: Ct)).Value;
        Assert.Equal("new", (await Get("add")).GetString("A"));
        Assert.Equal(("a", "b2"), ((await Get("merge")).GetString("A"), (await Get("merge")).GetString("B")));
        Assert.False((await Get("replace")).ContainsKey("A"));
        Assert.Equal(("a", "b"), ((await Get("upsert-merge")).GetString("A"), (await Get("upsert-merge")).GetString("B")));
        Assert.False((await Get("upsert-replace")).ContainsKey("A"));
        Assert.False((await _table.GetEntityIfExistsAsync<TableEntity>("mix", "delete", cancellationToken: Ct)).HasValue);
    }

    [Fact]
    public async Task SubmitTransactionAsync_DeleteOfMissingEntity_FailsAndRollsBack()
    {
        var actions = new List<TableTransactionAction>
        {
            new(TableTransactionActionType.Add, new TableEntity("gone", "a")),
            new(TableTransactionActionType.Delete, new TableEntity("gone", "never-there")),
        };

        var ex = await Assert.ThrowsAsync<TableTransactionFailedException>(() => _table.SubmitTransactionAsync(actions, Ct));

        Assert.Equal(404, ex.Status);
        Assert.Equal(1, ex.FailedTransactionActionIndex);
        Assert.Equal(0, await CountAsync("gone"));
    }

    [Fact]
    public async Task SubmitTransactionAsync_MoreThanHundred_ThrowsArgumentExceptionAndWritesNothing()
    {
        var actions = Enumerable.Range(0, 101).Select(i => new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("big", $"r{i}")));

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => _table.SubmitTransactionAsync(actions, Ct));

        Assert.Contains("101", ex.Message, StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync("big"));
    }

    [Fact]
    public async Task SubmitTransactionAsync_TwoPartitions_ThrowsArgumentException()
    {
        var actions = new[]
        {
            new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("x", "1")),
            new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("y", "1")),
        };

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => _table.SubmitTransactionAsync(actions, Ct));

        Assert.Contains("same partition", ex.Message, StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync("x"));
    }

    [Fact]
    public async Task SubmitTransactionAsync_SameRowTwice_ThrowsArgumentException()
    {
        var actions = new[]
        {
            new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("twice", "1")),
            new TableTransactionAction(TableTransactionActionType.UpsertMerge, new TableEntity("twice", "1")),
        };

        await Assert.ThrowsAsync<ArgumentException>(() => _table.SubmitTransactionAsync(actions, Ct));
        Assert.Equal(0, await CountAsync("twice"));
    }

    [Fact]
    public async Task SubmitTransactionAsync_OversizedEntityInBatch_ThrowsArgumentExceptionAndWritesNothing()
    {
        var actions = new[]
        {
            new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("size", "ok")),
            new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("size", "huge") { ["Body"] = new string('x', 40_000) }),
        };

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => _table.SubmitTransactionAsync(actions, Ct));

        Assert.Contains("'Body'", ex.Message, StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync("size"));
    }
}
