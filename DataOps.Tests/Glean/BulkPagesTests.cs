using System.Text.Json;
using DataOps.Glean;
using DataOps.Glean.Errors;
using DataOps.Glean.Wire;

namespace DataOps.Tests.Glean;

public sealed class BulkPagesTests
{
    private static DocumentDefinition Doc(int i, int bodyLength = 10) => new()
    {
        Datasource = "ds",
        Id = $"d{i}",
        ObjectType = "Document",
        ViewUrl = $"https://x.example.com/{i}",
        Permissions = new DocumentPermissions { AllowAllDatasourceUsersAccess = true },
        Body = new ContentDefinition("text/plain", new string('b', bodyLength)),
    };

    [Theory]
    [InlineData(0, new[] { 0 })]
    [InlineData(1, new[] { 1 })]
    [InlineData(999, new[] { 999 })]
    [InlineData(1000, new[] { 1000 })]
    [InlineData(1001, new[] { 1000, 1 })]
    [InlineData(2500, new[] { 1000, 1000, 500 })]
    public void Split_ByCount_GivesPagesOfAtMost1000(int count, int[] expected)
    {
        var pages = BulkPages.Split(Enumerable.Range(0, count).Select(i => Doc(i)).ToList(), 1000, 5 * 1024 * 1024);

        Assert.Equal(expected, pages.Select(p => p.Count));
    }

    [Fact]
    public void Split_ByBytes_KeepsEachPageUnderTheLimit()
    {
        var docs = Enumerable.Range(0, 10).Select(i => Doc(i, 400)).ToList();

        var pages = BulkPages.Split(docs, 1000, 1500);

        Assert.True(pages.Count > 1);
        Assert.All(pages, p => Assert.True(p.Sum(d => d.Length) <= 1500));
        Assert.Equal(10, pages.Sum(p => p.Count));
    }

    [Fact]
    public void Split_DocumentLargerThanAPage_ThrowsPayloadTooLarge()
    {
        var error = Assert.Throws<GleanPayloadTooLargeException>(() => BulkPages.Split([Doc(7, 5000)], 1000, 1000));

        Assert.Contains("'d7'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Body_Page_IsTheBulkRequestShape()
    {
        var pages = BulkPages.Split([Doc(1)], 1000, 10_000);

        using var content = BulkPages.Body("u1", "ds", pages[0], isFirst: true, isLast: false, forceRestart: true, disableStaleCheck: false);
        using var json = JsonDocument.Parse(await content.ReadAsStringAsync(TestContext.Current.CancellationToken));

        var root = json.RootElement;
        Assert.Equal("u1", root.GetProperty("uploadId").GetString());
        Assert.True(root.GetProperty("isFirstPage").GetBoolean());
        Assert.False(root.GetProperty("isLastPage").GetBoolean());
        Assert.True(root.GetProperty("forceRestartUpload").GetBoolean());
        Assert.Equal("https://x.example.com/1", root.GetProperty("documents")[0].GetProperty("viewURL").GetString());
    }
}
