using DataOps.Functions.Reports;

namespace DataOps.Tests.Functions.Reports;

/// <summary>How report values become CSV fields: RFC 4180 quoting, invariant numbers and UTC times, no formulas.</summary>
public sealed class ReportCsvTests
{
    [Theory]
    [InlineData(null, "")]
    [InlineData("plain", "plain")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    [InlineData(" padded ", "\" padded \"")]
    [InlineData("=SUM(A1:A9)", "'=SUM(A1:A9)")]
    [InlineData("+1", "'+1")]
    [InlineData("-x", "'-x")]
    [InlineData("@cmd", "'@cmd")]
    [InlineData(true, "true")]
    [InlineData(false, "false")]
    [InlineData(42, "42")]
    [InlineData(-3L, "-3")]
    [InlineData(98.5, "98.5")]
    [InlineData(100.0, "100")]
    public void Field_WritesEachValueAsRfc4180_WithoutFormulas(object? value, string expected)
        => Assert.Equal(expected, ReportCsv.Field(value));

    [Fact]
    public void Field_WritesTimesInUtc_ToTheTick()
        => Assert.Equal("2026-03-04T08:00:00.0000000Z", ReportCsv.Field(new DateTimeOffset(2026, 3, 4, 9, 0, 0, TimeSpan.FromHours(1))));

    [Fact]
    public void Write_PutsTheHeaderFirst_AndEndsEveryLineWithCrLf()
    {
        var csv = ReportCsv.Write(["name", "count", "note"], [["a", 1, null], ["b,c", 2, "x"]]);

        Assert.Equal("name,count,note\r\na,1,\r\n\"b,c\",2,x\r\n", csv);
    }
}
