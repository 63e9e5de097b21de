using DataOps.Storage.Tables;

namespace DataOps.Tests.Storage.Tables;

public sealed class TableQueryFilterTests
{
    [Fact]
    public void CreateQueryFilter_EveryLiteralType_FormatsODataLiterals()
    {
        var id = Guid.Parse("5d5f3a8e-2f6e-4a53-9a3c-1b2f0f0e9d11");
        var when = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.FromHours(1)).AddTicks(7);

        var filter = TableClient.CreateQueryFilter(
            $"S eq {"O'Brien"} and I eq {5} and L eq {6L} and D eq {2.0} and B eq {true} and G eq {id} and T eq {when} and X eq {new byte[] { 0xAB, 0x01 }} and N eq {null}");

        Assert.Equal(
            "S eq 'O''Brien' and I eq 5 and L eq 6L and D eq 2.0 and B eq true and G eq guid'5d5f3a8e-2f6e-4a53-9a3c-1b2f0f0e9d11' " +
            "and T eq datetime'2026-01-02T02:04:05.0000007Z' and X eq X'ab01' and N eq null",
            filter);
    }

    [Fact]
    public void CreateQueryFilter_FormatSpecifier_IsIgnoredForLiterals()
    {
        Assert.Equal("V eq 1.5", TableClient.CreateQueryFilter($"V eq {1.5:F3}"));
    }
}
