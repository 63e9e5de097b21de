using DataOps.Functions.Http;
using DataOps.Functions.Reports;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace DataOps.Tests.Functions.Reports;

/// <summary>The metrics window read from <c>?from=&amp;to=</c>: defaults, formats, and every bad field named.</summary>
public sealed class MetricsWindowTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 6, 9, 30, 0, TimeSpan.Zero);

    [Fact]
    public void NoParameters_IsTheLast30Days()
    {
        var validation = new RequestValidation();

        var window = MetricsWindow.Read(Query(), Now, validation);

        Assert.Equal((Now.AddDays(-30), Now), window);
    }

    [Theory]
    [InlineData("2026-11-01", "2026-12-01", "2026-11-01T00:00:00Z", "2026-12-01T00:00:00Z")]
    [InlineData("2026-11-01T06:30:00Z", "2026-11-02T06:30", "2026-11-01T06:30:00Z", "2026-11-02T06:30:00Z")]
    [InlineData("2026-11-01T06:30:00.5Z", null, "2026-11-01T06:30:00.5Z", "2026-12-06T09:30:00Z")]
    [InlineData(null, "2026-11-30", "2026-10-31T00:00:00Z", "2026-11-30T00:00:00Z")]
    public void Dates_AndTimes_AreReadAsUtc(string? from, string? to, string expectedFrom, string expectedTo)
    {
        var validation = new RequestValidation();

        var window = MetricsWindow.Read(Query(("from", from), ("to", to)), Now, validation);

        Assert.True(validation.IsValid, string.Join("; ", validation.Errors.SelectMany(e => e.Value)));
        Assert.Equal((DateTimeOffset.Parse(expectedFrom, System.Globalization.CultureInfo.InvariantCulture), DateTimeOffset.Parse(expectedTo, System.Globalization.CultureInfo.InvariantCulture)), window);
    }

    [Theory]
    [InlineData("yesterday", "2026-12-01", "from")]
    [InlineData("2026-11-01", "12/01/2026", "to")]
    [InlineData("2026-13-01", "2026-12-01", "from")]
    [InlineData("", "2026-12-01", "from")]
    [InlineData("2026-12-01", "2026-12-01", "from")]
    [InlineData("2026-12-02", "2026-12-01", "from")]
    [InlineData("2025-01-01", "2026-12-01", "from")]
    public void ABadWindow_NamesTheField(string from, string to, string field)
    {
        var validation = new RequestValidation();

        var window = MetricsWindow.Read(Query(("from", from), ("to", to)), Now, validation);

        Assert.Null(window);
        Assert.Equal([field], validation.Errors.Keys);
    }

    [Fact]
    public void BothBad_NamesBoth()
    {
        var validation = new RequestValidation();

        Assert.Null(MetricsWindow.Read(Query(("from", "soon"), ("to", "later")), Now, validation));
        Assert.Equal(["from", "to"], validation.Errors.Keys.Order(StringComparer.Ordinal));
    }

    private static QueryCollection Query(params (string Name, string? Value)[] values)
        => new(values.Where(v => v.Value is not null).ToDictionary(v => v.Name, v => new StringValues(v.Value), StringComparer.Ordinal));
}
