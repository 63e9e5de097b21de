using DataOps.Storage.Tables;
using DataOps.Tests.Infrastructure;

namespace DataOps.Tests.Storage.Tables;

public sealed class TableServiceClientTests(AzuriteFixture azurite)
{
    private readonly TableServiceClient _service = new(azurite.ConnectionString, StorageTestOptions.Fast());

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CreateQueryDelete_Tables_Lifecycle()
    {
        var prefix = AzuriteFixture.UniqueName("svc");
        var names = new[] { prefix + "a", prefix + "b", prefix + "c" };
        foreach (var name in names)
        {
            Assert.True((await _service.CreateTableIfNotExistsAsync(name, Ct)).Value);
        }

        Assert.False((await _service.GetTableClient(names[0]).CreateIfNotExistsAsync(Ct)).Value);
        var filter = TableClient.CreateQueryFilter($"TableName ge {prefix} and TableName lt {prefix + "z"}");
        var pages = new List<string?>();
        var found = new List<string>();
        await foreach (var page in _service.QueryAsync(filter, maxPerPage: 2, Ct).AsPages())
        {
            pages.Add(page.ContinuationToken);
            found.AddRange(page.Values.Select(t => t.Name));
        }

        await _service.DeleteTableAsync(names[1], Ct);
        await _service.DeleteTableAsync(names[1], Ct);
        var after = new List<string>();
        await foreach (var table in _service.QueryAsync(filter, cancellationToken: Ct))
        {
            after.Add(table.Name);
        }

        Assert.Equal(names, found);
        Assert.Equal(2, pages.Count);
        Assert.Equal([names[0], names[2]], after);
    }

    [Theory]
    [InlineData("1starts")]
    [InlineData("has-dash")]
    [InlineData("ab")]
    public void GetTableClient_InvalidName_ThrowsArgumentException(string name)
    {
        Assert.Throws<ArgumentException>(() => _service.GetTableClient(name));
    }
}
