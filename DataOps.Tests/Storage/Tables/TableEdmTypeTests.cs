using DataOps.Storage.Tables;
using DataOps.Tests.Infrastructure;

namespace DataOps.Tests.Storage.Tables;

public sealed class TableEdmTypeTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private static readonly DateTimeOffset Precise = new DateTimeOffset(2026, 11, 21, 13, 45, 30, TimeSpan.FromHours(2)).AddTicks(1234567);

    private readonly TableClient _table =
        new TableServiceClient(azurite.ConnectionString, StorageTestOptions.Fast()).GetTableClient(AzuriteFixture.UniqueName("edm"));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => await _table.CreateIfNotExistsAsync(Ct);

    public async ValueTask DisposeAsync() => await _table.DeleteAsync();

    [Fact]
    public async Task TableEntity_EveryEdmType_RoundTripsWithItsType()
    {
        var id = Guid.NewGuid();
        var entity = new TableEntity("edm", "dict")
        {
            ["Text"] = "héllo 'world' <x>",
            ["Empty"] = string.Empty,
            ["Int32"] = int.MinValue,
            ["Int64"] = long.MaxValue,
            ["SmallInt64"] = 5L,
            ["Double"] = 3.25,
            ["WholeDouble"] = 2.0,
            ["NaN"] = double.NaN,
            ["Infinity"] = double.PositiveInfinity,
            ["Flag"] = true,
            ["When"] = Precise,
            ["Id"] = id,
            ["Bytes"] = new byte[] { 0, 1, 254, 255 },
            ["Null"] = null,
        };
        await _table.AddEntityAsync(entity, Ct);

        var read = (await _table.GetEntityAsync<TableEntity>("edm", "dict", cancellationToken: Ct)).Value;

        Assert.Equal("héllo 'world' <x>", read["Text"]);
        Assert.Equal(string.Empty, read["Empty"]);
        Assert.Equal(int.MinValue, Assert.IsType<int>(read["Int32"]));
        Assert.Equal(long.MaxValue, Assert.IsType<long>(read["Int64"]));
        Assert.Equal(5L, Assert.IsType<long>(read["SmallInt64"]));
        Assert.Equal(3.25, Assert.IsType<double>(read["Double"]));
        Assert.Equal(2.0, Assert.IsType<double>(read["WholeDouble"]));
        Assert.True(double.IsNaN(Assert.IsType<double>(read["NaN"])));
        Assert.Equal(double.PositiveInfinity, read["Infinity"]);
        Assert.True(Assert.IsType<bool>(read["Flag"]));
        Assert.Equal(Precise, Assert.IsType<DateTimeOffset>(read["When"]));
        Assert.Equal(TimeSpan.Zero, read.GetDateTimeOffset("When")!.Value.Offset);
        Assert.Equal(id, Assert.IsType<Guid>(read["Id"]));
        Assert.Equal(new byte[] { 0, 1, 254, 255 }, read.GetBinary("Bytes"));
        Assert.False(read.ContainsKey("Null"));
    }

    [Fact]
    public async Task TypedEntity_EveryPropertyType_RoundTrips()
    {
        var entity = new AllTypesEntity
        {
            PartitionKey = "edm",
            RowKey = "typed",
            Text = "typed text",
            Int32 = 42,
            Int64 = -9_000_000_000_000L,
            Double = 0.1,
            Flag = true,
            When = Precise,
            WhenUtc = new DateTime(2020, 2, 29, 23, 59, 59, DateTimeKind.Utc).AddTicks(1),
            Id = Guid.NewGuid(),
            Bytes = [9, 8, 7],
            OptionalInt = null,
            Colour = Colour.Green,
            Ignored = "changed",
        };
        await _table.AddEntityAsync(entity, Ct);

        var read = (await _table.GetEntityAsync<AllTypesEntity>("edm", "typed", cancellationToken: Ct)).Value;
        var raw = (await _table.GetEntityAsync<TableEntity>("edm", "typed", cancellationToken: Ct)).Value;

        Assert.Equal(entity.Text, read.Text);
        Assert.Equal(entity.Int32, read.Int32);
        Assert.Equal(entity.Int64, read.Int64);
        Assert.Equal(entity.Double, read.Double);
        Assert.Equal(entity.Flag, read.Flag);
        Assert.Equal(entity.When, read.When);
        Assert.Equal(entity.WhenUtc, read.WhenUtc);
        Assert.Equal(entity.Id, read.Id);
        Assert.Equal(entity.Bytes, read.Bytes);
        Assert.Null(read.OptionalInt);
        Assert.Equal(Colour.Green, read.Colour);
        Assert.Equal("not stored", read.Ignored);
        Assert.NotEqual(default, read.ETag);
        Assert.NotNull(read.Timestamp);
        Assert.Equal("Green", raw.GetString("Colour"));
        Assert.False(raw.ContainsKey("Ignored"));
        Assert.False(raw.ContainsKey("ReadOnly"));
        Assert.IsType<long>(raw["Int64"]);
        Assert.IsType<DateTimeOffset>(raw["WhenUtc"]);
    }

    [Fact]
    public async Task TypedEntity_ReadFromDictionaryWrittenWithNarrowerTypes_Converts()
    {
        await _table.AddEntityAsync(new TableEntity("edm", "narrow") { ["Int64"] = 7, ["Double"] = 3, ["Colour"] = "Red" }, Ct);

        var read = (await _table.GetEntityAsync<AllTypesEntity>("edm", "narrow", cancellationToken: Ct)).Value;

        Assert.Equal(7L, read.Int64);
        Assert.Equal(3.0, read.Double);
        Assert.Equal(Colour.Red, read.Colour);
    }

    [Fact]
    public void TableEntity_TypedGetterOnWrongType_ThrowsNamingProperty()
    {
        var entity = new TableEntity("p", "r") { ["Name"] = "text" };

        var ex = Assert.Throws<InvalidOperationException>(() => entity.GetInt64("Name"));

        Assert.Contains("'Name'", ex.Message, StringComparison.Ordinal);
        Assert.Null(entity.GetString("Absent"));
    }

    [Fact]
    public async Task AddEntityAsync_UnsupportedPropertyType_ThrowsArgumentExceptionNamingProperty()
    {
        var ex = await Assert.ThrowsAsync<ArgumentException>(() => _table.AddEntityAsync(new TableEntity("edm", "bad") { ["Price"] = 1.5m }, Ct));

        Assert.Contains("'Price'", ex.Message, StringComparison.Ordinal);
        Assert.False((await _table.GetEntityIfExistsAsync<TableEntity>("edm", "bad", cancellationToken: Ct)).HasValue);
    }
}
