using DataOps.Functions.Operations.Dashboard;
namespace DataOps.Tests.Functions.Operations.Dashboard;

public sealed class DashboardAssetsTests
{
    [Fact]
    public void EveryEmbeddedFile_IsServed_AndEveryServedFile_IsEmbedded()
    {
        var embedded = DashboardAssets.EmbeddedNames(typeof(DashboardAssets).Assembly).Order(StringComparer.Ordinal);

        Assert.Equal(DashboardAssets.Names.Order(StringComparer.Ordinal), embedded);
    }

    [Fact]
    public void TheEmptyPath_IsTheIndex()
    {
        Assert.True(DashboardAssets.TryGet(string.Empty, out var root, out var type));
        Assert.True(DashboardAssets.TryGet(DashboardAssets.IndexFile, out var index, out _));
        Assert.Equal(index, root);
        Assert.StartsWith("text/html", type, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/dashboard/", "")]
    [InlineData("/api/dashboard/app.js", "app.js")]
    [InlineData("/api/dashboard/a/b", "a/b")]
    [InlineData("/dashboard/styles.css", "styles.css")]
    [InlineData("/api/dashboard", null)]
    public void PathUnderDashboard_IsWhatFollowsTheDashboardSegment(string path, string? expected)
        => Assert.Equal(expected, DashboardFunction.PathUnderDashboard(path));

    [Fact]
    public void TheChartLibrary_IsServedWithItsLicenceHeader()
    {
        Assert.True(DashboardAssets.TryGet("chart.umd.js", out var bytes, out var type));
        var script = System.Text.Encoding.UTF8.GetString(bytes);

        Assert.StartsWith("text/javascript", type, StringComparison.Ordinal);
        Assert.StartsWith("/*!\n * Chart.js v", script, StringComparison.Ordinal);
        Assert.Contains("Released under the MIT License", script[..300], StringComparison.Ordinal);
    }

    [Fact]
    public void TheScripts_SendTheKeyOrTokenInAHeader_AndKeepItForTheSessionOnly()
    {
        Assert.True(DashboardAssets.TryGet("api.js", out var bytes, out _));
        var script = System.Text.Encoding.UTF8.GetString(bytes);

        Assert.Contains("headers['x-functions-key'] = credential.value", script, StringComparison.Ordinal);
        Assert.Contains("headers.authorization = `Bearer ${credential.value}`", script, StringComparison.Ordinal);
        Assert.DoesNotContain("access_token", script, StringComparison.Ordinal);
        Assert.Contains("sessionStorage", script, StringComparison.Ordinal);
        Assert.DoesNotContain("localStorage", script, StringComparison.Ordinal);
        Assert.DoesNotContain("code=", script, StringComparison.Ordinal);
    }
}
