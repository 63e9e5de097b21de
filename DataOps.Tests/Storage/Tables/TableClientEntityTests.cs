using Azure;
using DataOps.Storage.Tables;
using DataOps.Tests.Infrastructure;

namespace DataOps.Tests.Storage.Tables;

public sealed class TableClientEntityTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly TableClient _table =
        new TableServiceClient(azurite.ConnectionString, StorageTestOptions.Fast()).GetTableClient(AzuriteFixture.UniqueName("entities"));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => await _table.CreateIfNotExistsAsync(Ct);

    public async ValueTask DisposeAsync() => await _table.DeleteAsync();

    [Fact]
    public async Task AddEntityAsync_NewEntity_GetReturnsItWithETagAndTimestamp()
    {
        var added = await _table.AddEntityAsync(new TableEntity("p", "r") { ["Name"] = "first", ["Count"] = 3 }, Ct);

        var read = (await _table.GetEntityAsync<TableEntity>("p", "r", cancellationToken: Ct)).Value;

        Assert.Equal("first", read.GetString("Name"));
        Assert.Equal(3, read.GetInt32("Count"));
        Assert.Equal(added.Headers.ETag, read.ETag);
        Assert.NotNull(read.Timestamp);
        Assert.Equal(("p", "r"), (read.PartitionKey, read.RowKey));
    }

    [Fact]
    public async Task AddEntityAsync_ExistingKeys_Throws409EntityAlreadyExistsAndKeepsOriginal()
    {
        await _table.AddEntityAsync(new TableEntity("p", "dup") { ["V"] = "original" }, Ct);

        var ex = await Assert.ThrowsAsync<RequestFailedException>(() => _table.AddEntityAsync(new TableEntity("p", "dup") { ["V"] = "second" }, Ct));

        Assert.Equal(409, ex.Status);
        Assert.Equal("EntityAlreadyExists", ex.ErrorCode);
        Assert.Equal("original", (await _table.GetEntityAsync<TableEntity>("p", "dup", cancellationToken: Ct)).Value.GetString("V"));
    }

    [Fact]
    public async Task UpsertEntityAsync_Merge_KeepsPropertiesNotGiven()
    {
        await _table.UpsertEntityAsync(new TableEntity("p", "m") { ["A"] = "a", ["B"] = "b" }, cancellationToken: Ct);

        await _table.UpsertEntityAsync(new TableEntity("p", "m") { ["B"] = "b2", ["C"] = "c" }, TableUpdateMode.Merge, Ct);
        var read = (await _table.GetEntityAsync<TableEntity>("p", "m", cancellationToken: Ct)).Value;

        Assert.Equal(("a", "b2", "c"), (read.GetString("A"), read.GetString("B"), read.GetString("C")));
    }

    [Fact]
    public async Task UpsertEntityAsync_Replace_DropsPropertiesNotGiven()
    {
        await _table.UpsertEntityAsync(new TableEntity("p", "rep") { ["A"] = "a", ["B"] = "b" }, cancellationToken: Ct);

        await _table.UpsertEntityAsync(new TableEntity("p", "rep") { ["B"] = "b2" }, TableUpdateMode.Replace, Ct);
        var read = (await _table.GetEntityAsync<TableEntity>("p", "rep", cancellationToken: Ct)).Value;

        Assert.False(read.ContainsKey("A"));
        Assert.Equal("b2", read.GetString("B"));
    }

    [Fact]
    public async Task UpdateEntityAsync_StaleETag_Throws412AndKeepsWinner()
    {
        await _table.AddEntityAsync(new TableEntity("p", "occ") { ["V"] = 0 }, Ct);
        var readerA = (await _table.GetEntityAsync<TableEntity>("p", "occ", cancellationToken: Ct)).Value;
        var readerB = (await _table.GetEntityAsync<TableEntity>("p", "occ", cancellationToken: Ct)).Value;

        readerA["V"] = 1;
        var won = await _table.UpdateEntityAsync(readerA, readerA.ETag, cancellationToken: Ct);
        readerB["V"] = 2;
        var ex = await Assert.ThrowsAsync<RequestFailedException>(() => _table.UpdateEntityAsync(readerB, readerB.ETag, TableUpdateMode.Replace, Ct));

        Assert.Equal(412, ex.Status);
        Assert.Equal("UpdateConditionNotSatisfied", ex.ErrorCode);
        var stored = (await _table.GetEntityAsync<TableEntity>("p", "occ", cancellationToken: Ct)).Value;
        Assert.Equal(1, stored.GetInt32("V"));
        Assert.Equal(won.Headers.ETag, stored.ETag);
    }

    [Fact]
    public async Task UpdateEntityAsync_ETagAll_UpdatesUnconditionally()
    {
        await _table.AddEntityAsync(new TableEntity("p", "all") { ["V"] = 0 }, Ct);

        await _table.UpdateEntityAsync(new TableEntity("p", "all") { ["V"] = 9 }, ETag.All, cancellationToken: Ct);

        Assert.Equal(9, (await _table.GetEntityAsync<TableEntity>("p", "all", cancellationToken: Ct)).Value.GetInt32("V"));
    }

    [Fact]
    public async Task UpdateEntityAsync_MissingEntity_Throws404()
    {
        var ex = await Assert.ThrowsAsync<RequestFailedException>(() => _table.UpdateEntityAsync(new TableEntity("p", "ghost"), ETag.All, cancellationToken: Ct));

        Assert.Equal(404, ex.Status);
    }

    [Fact]
    public async Task UpdateEntityAsync_DefaultETag_ThrowsArgumentException()
    {
        var ex = await Assert.ThrowsAsync<ArgumentException>(() => _table.UpdateEntityAsync(new TableEntity("p", "x"), default, cancellationToken: Ct));

        Assert.Equal("ifMatch", ex.ParamName);
    }

    [Fact]
    public async Task GetEntityAsync_Missing_Throws404ResourceNotFound()
    {
        var ex = await Assert.ThrowsAsync<RequestFailedException>(() => _table.GetEntityAsync<TableEntity>("p", "missing", cancellationToken: Ct));

        Assert.Equal(404, ex.Status);
        Assert.Equal("ResourceNotFound", ex.ErrorCode);
    }

    [Fact]
    public async Task GetEntityIfExistsAsync_MissingThenPresent_ReportsHasValue()
    {
        Assert.False((await _table.GetEntityIfExistsAsync<TableEntity>("p", "maybe", cancellationToken: Ct)).HasValue);
        await _table.AddEntityAsync(new TableEntity("p", "maybe"), Ct);

        var found = await _table.GetEntityIfExistsAsync<TableEntity>("p", "maybe", cancellationToken: Ct);

        Assert.True(found.HasValue);
        Assert.Equal("maybe", found.Value!.RowKey);
    }

    [Fact]
    public async Task GetEntityAsync_WithSelect_ReturnsOnlySelectedProperties()
    {
        await _table.AddEntityAsync(new TableEntity("p", "sel") { ["A"] = "a", ["B"] = "b", ["C"] = "c" }, Ct);

        var read = (await _table.GetEntityAsync<TableEntity>("p", "sel", ["A", "C"], Ct)).Value;

        Assert.Equal("a", read.GetString("A"));
        Assert.Equal("c", read.GetString("C"));
        Assert.False(read.ContainsKey("B"));
    }

    [Fact]
    public async Task DeleteEntityAsync_ExistingThenAbsent_BothSucceed()
    {
        await _table.AddEntityAsync(new TableEntity("p", "del"), Ct);

        var deleted = await _table.DeleteEntityAsync("p", "del", cancellationToken: Ct);
        var again = await _table.DeleteEntityAsync("p", "del", cancellationToken: Ct);

        Assert.Equal(204, deleted.Status);
        Assert.Equal(404, again.Status);
        Assert.False((await _table.GetEntityIfExistsAsync<TableEntity>("p", "del", cancellationToken: Ct)).HasValue);
    }

    [Fact]
    public async Task DeleteEntityAsync_StaleETag_Throws412AndKeepsEntity()
    {
        var added = await _table.AddEntityAsync(new TableEntity("p", "keep") { ["V"] = 1 }, Ct);
        await _table.UpsertEntityAsync(new TableEntity("p", "keep") { ["V"] = 2 }, cancellationToken: Ct);

        var ex = await Assert.ThrowsAsync<RequestFailedException>(() => _table.DeleteEntityAsync("p", "keep", added.Headers.ETag!.Value, Ct));

        Assert.Equal(412, ex.Status);
        Assert.True((await _table.GetEntityIfExistsAsync<TableEntity>("p", "keep", cancellationToken: Ct)).HasValue);
    }

    [Theory]
    [InlineData("it's", "quote'd")]
    [InlineData("space key", "ünïcødé 中文")]
    [InlineData("a+b=c&d", "%20;,()")]
    [InlineData("instance-1", "")]
    public async Task GetEntityAsync_KeysWithSpecialCharacters_RoundTrip(string partitionKey, string rowKey)
    {
        await _table.UpsertEntityAsync(new TableEntity(partitionKey, rowKey) { ["V"] = "x" }, cancellationToken: Ct);

        var read = (await _table.GetEntityAsync<TableEntity>(partitionKey, rowKey, cancellationToken: Ct)).Value;
        await _table.DeleteEntityAsync(partitionKey, rowKey, read.ETag, Ct);

        Assert.Equal((partitionKey, rowKey), (read.PartitionKey, read.RowKey));
        Assert.False((await _table.GetEntityIfExistsAsync<TableEntity>(partitionKey, rowKey, cancellationToken: Ct)).HasValue);
    }

    [Theory]
    [InlineData("a/b")]
    [InlineData("a\\b")]
    [InlineData("a#b")]
    [InlineData("a?b")]
    [InlineData("a\tb")]
    public async Task AddEntityAsync_IllegalKeyCharacter_ThrowsArgumentExceptionNamingKey(string key)
    {
        var ex = await Assert.ThrowsAsync<ArgumentException>(() => _table.AddEntityAsync(new TableEntity("p", key), Ct));

        Assert.Contains("RowKey", ex.Message, StringComparison.Ordinal);
    }
}
