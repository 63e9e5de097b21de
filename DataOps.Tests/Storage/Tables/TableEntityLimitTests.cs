using DataOps.Storage.Tables;
using DataOps.Tests.Infrastructure;

namespace DataOps.Tests.Storage.Tables;

public sealed class TableEntityLimitTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly TableClient _table =
        new TableServiceClient(azurite.ConnectionString, StorageTestOptions.Fast()).GetTableClient(AzuriteFixture.UniqueName("limits"));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => await _table.CreateIfNotExistsAsync(Ct);

    public async ValueTask DisposeAsync() => await _table.DeleteAsync();

    private async Task AssertNothingWrittenAsync(string rowKey) =>
        Assert.False((await _table.GetEntityIfExistsAsync<TableEntity>("limits", rowKey, cancellationToken: Ct)).HasValue);

    [Fact]
    public async Task AddEntityAsync_StringAtLimit_IsStored()
    {
        var text = new string('é', 32 * 1024);

        await _table.AddEntityAsync(new TableEntity("limits", "max-string") { ["Body"] = text }, Ct);

        Assert.Equal(text, (await _table.GetEntityAsync<TableEntity>("limits", "max-string", cancellationToken: Ct)).Value.GetString("Body"));
    }

    [Fact]
    public async Task AddEntityAsync_StringOver64KiB_ThrowsArgumentExceptionNamingPropertyAndWritesNothing()
    {
        var ex = await Assert.ThrowsAsync<ArgumentException>(() =>
            _table.AddEntityAsync(new TableEntity("limits", "long-string") { ["Body"] = new string('x', (32 * 1024) + 1) }, Ct));

        Assert.Contains("'Body'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("64 KiB", ex.Message, StringComparison.Ordinal);
        await AssertNothingWrittenAsync("long-string");
    }

    [Fact]
    public async Task AddEntityAsync_BinaryAtAndOverLimit_StoredThenRejected()
    {
        var atLimit = new byte[64 * 1024];
        atLimit[^1] = 7;
        await _table.AddEntityAsync(new TableEntity("limits", "max-binary") { ["Blob"] = atLimit }, Ct);

        var ex = await Assert.ThrowsAsync<ArgumentException>(() =>
            _table.AddEntityAsync(new TableEntity("limits", "long-binary") { ["Blob"] = new byte[(64 * 1024) + 1] }, Ct));

        Assert.Equal(atLimit, (await _table.GetEntityAsync<TableEntity>("limits", "max-binary", cancellationToken: Ct)).Value.GetBinary("Blob"));
        Assert.Contains("'Blob'", ex.Message, StringComparison.Ordinal);
        await AssertNothingWrittenAsync("long-binary");
    }

    [Fact]
    public async Task UpsertEntityAsync_EntityOver1MiB_ThrowsArgumentExceptionAndWritesNothing()
    {
        var entity = new TableEntity("limits", "huge");
        for (var i = 0; i < 17; i++)
        {
            entity[$"Part{i}"] = new byte[64 * 1024];
        }

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => _table.UpsertEntityAsync(entity, cancellationToken: Ct));

        Assert.Contains("1 MiB", ex.Message, StringComparison.Ordinal);
        await AssertNothingWrittenAsync("huge");
    }

    [Fact]
    public async Task AddEntityAsync_TooManyProperties_ThrowsArgumentExceptionAndWritesNothing()
    {
        var entity = new TableEntity("limits", "wide");
        for (var i = 0; i < 253; i++)
        {
            entity[$"P{i}"] = i;
        }

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => _table.AddEntityAsync(entity, Ct));

        Assert.Contains("252", ex.Message, StringComparison.Ordinal);
        await AssertNothingWrittenAsync("wide");
    }

    [Fact]
    public async Task AddEntityAsync_MaximumPropertyCount_IsStored()
    {
        var entity = new TableEntity("limits", "widest");
        for (var i = 0; i < 252; i++)
        {
            entity[$"P{i}"] = i;
        }

        await _table.AddEntityAsync(entity, Ct);

        Assert.Equal(252, (await _table.GetEntityAsync<TableEntity>("limits", "widest", cancellationToken: Ct)).Value.Count);
    }
}
