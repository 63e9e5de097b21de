using System.Net;
using DataOps.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace DataOps.Tests.GleanEmulator;

/// <summary>Glean's published indexing limits, on a controlled clock.</summary>
public sealed class RateLimitContractTests
{
    [Fact]
    public async Task Indexing_MoreThan30RequestsPerSecond_Returns429UntilRefilled()
    {
        var time = new FakeTimeProvider();
        await using var emulator = await GleanEmulatorFixture.StartAsync(o => o.RateLimitsEnabled = true, time);
        await emulator.AddDatasourceAsync("docs");

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 30; i++)
        {
            statuses.Add((await emulator.PostAsync("api/index/v1/debug/docs/status", null)).Status);
        }

        time.Advance(TimeSpan.FromMilliseconds(100));
        var refilled = (await emulator.PostAsync("api/index/v1/debug/docs/status", null)).Status;

        // The first of the 30 was adddatasource, so the 30th status call is the 31st request.
        Assert.Equal(29, statuses.Count(s => s == HttpStatusCode.OK));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
        Assert.Equal(HttpStatusCode.OK, refilled);
    }

    [Fact]
    public async Task IndexDocuments_MoreThan600DocumentsPerMinute_Returns429()
    {
        var time = new FakeTimeProvider();
        await using var emulator = await GleanEmulatorFixture.StartAsync(o => o.RateLimitsEnabled = true, time);
        await emulator.AddDatasourceAsync("docs");

        var first = await emulator.PostAsync("api/index/v1/indexdocuments", new { datasource = "docs", documents = EmulatorCalls.Documents("docs", 400, "a") });
        var second = await emulator.PostAsync("api/index/v1/indexdocuments", new { datasource = "docs", documents = EmulatorCalls.Documents("docs", 400, "b") });
        time.Advance(TimeSpan.FromSeconds(30));
        var later = await emulator.PostAsync("api/index/v1/indexdocuments", new { datasource = "docs", documents = EmulatorCalls.Documents("docs", 400, "b") });

        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.Equal(HttpStatusCode.TooManyRequests, second.Status);
        Assert.NotNull(second.Response.Headers.RetryAfter);
        Assert.Equal(HttpStatusCode.OK, later.Status);
    }

    [Fact]
    public async Task IndexDocuments_MoreThanAMinuteOfDocuments_Returns413()
    {
        await using var emulator = await GleanEmulatorFixture.StartAsync(o => o.RateLimitsEnabled = true);
        await emulator.AddDatasourceAsync("docs");

        var (status, body, _) = await emulator.PostAsync("api/index/v1/indexdocuments", new { datasource = "docs", documents = EmulatorCalls.Documents("docs", 601) });

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
        Assert.Contains("bulkindexdocuments", body.Message(), StringComparison.Ordinal);
    }
}
