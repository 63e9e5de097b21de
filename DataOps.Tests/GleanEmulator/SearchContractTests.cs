using System.Net;
using DataOps.GleanEmulator.Faults;
using DataOps.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace DataOps.Tests.GleanEmulator;

/// <summary><c>/rest/api/v1/search</c>: relevance, datasource filters, paging and every error it answers.</summary>
public sealed class SearchContractTests(GleanSharedEmulator shared) : IAsyncLifetime, IClassFixture<GleanSharedEmulator>
{
    private GleanEmulatorFixture _emulator = null!;

    public async ValueTask InitializeAsync()
    {
        _emulator = await shared.ResetAsync();
        foreach (var ds in new[] { "alpha", "beta" })
        {
            await _emulator.AddDatasourceAsync(ds);
            var docs = new[]
            {
                EmulatorCalls.Document(ds, $"{ds}-1", title: "Payments runbook", body: "How to recover payments"),
                EmulatorCalls.Document(ds, $"{ds}-2", title: "Team lunch", body: "Payments team lunch on Friday"),
                EmulatorCalls.Document(ds, $"{ds}-3", title: "Roadmap", body: "Quarterly goals"),
            };
            await _emulator.PostAsync("api/index/v1/indexdocuments", new { datasource = ds, documents = docs });
        }
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task Search_WithDatasourceFilter_ReturnsOnlyThatDatasourceRankedByTitleFirst()
    {
        var (status, body, _) = await _emulator.SearchAsync(new { query = "payments", requestOptions = new { facetBucketSize = 10, datasourceFilter = "alpha" } });

        Assert.Equal(HttpStatusCode.OK, status);
        var results = body.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(["alpha-1", "alpha-2"], results.Select(r => r.GetProperty("document").GetProperty("id").GetString()));
        var first = results[0];
        Assert.Equal("https://docs.example.com/alpha-1", first.GetProperty("url").GetString());
        Assert.Equal("Document", first.GetProperty("document").GetProperty("docType").GetString());
        Assert.Equal("alpha", first.GetProperty("document").GetProperty("metadata").GetProperty("datasource").GetString());
        Assert.Contains("payments", first.GetProperty("snippets")[0].GetProperty("snippet").GetString()!, StringComparison.OrdinalIgnoreCase);
        Assert.False(body.GetProperty("hasMoreResults").GetBoolean());
        Assert.False(string.IsNullOrEmpty(body.GetProperty("requestID").GetString()));
    }

    [Fact]
    public async Task Search_WithDatasourcesFilter_CoversEachNamedDatasource()
    {
        var (_, body, _) = await _emulator.SearchAsync(new { query = "payments", requestOptions = new { facetBucketSize = 10, datasourcesFilter = new[] { "alpha", "beta" } } });

        Assert.Equal(4, body.GetProperty("results").GetArrayLength());
    }

    [Fact]
    public async Task Search_NoMatch_ReturnsEmptyResults()
    {
        var (status, body, _) = await _emulator.SearchAsync(new { query = "zebra" });

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(0, body.GetProperty("results").GetArrayLength());
    }

    [Fact]
    public async Task Search_PageSizeAndCursor_PageThroughAllResults()
    {
        var ids = new List<string>();
        string? cursor = null;
        do
        {
            var (_, body, _) = await _emulator.SearchAsync(new { query = "payments", pageSize = 1, cursor });
            ids.AddRange(body.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("document").GetProperty("id").GetString()!));
            cursor = body.GetProperty("hasMoreResults").GetBoolean() ? body.GetProperty("cursor").GetString() : null;
        }
        while (cursor is not null);

        Assert.Equal(4, ids.Distinct().Count());
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("?!")]
    public async Task Search_EmptyOrTermlessQuery_Returns422(string query)
    {
        var (status, body, _) = await _emulator.SearchAsync(new { query });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Equal("invalid_query", body.GetProperty("error").GetString());
    }

    [Fact]
    public async Task Search_RequestOptionsWithoutFacetBucketSize_Returns400()
    {
        var (status, body, _) = await _emulator.SearchAsync(new { query = "payments", requestOptions = new { datasourceFilter = "alpha" } });

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("facetBucketSize", body.Message(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(101)]
    public async Task Search_PageSizeOutOfRange_Returns400(int pageSize)
    {
        var (status, _, _) = await _emulator.SearchAsync(new { query = "payments", pageSize });

        Assert.Equal(HttpStatusCode.BadRequest, status);
    }

    [Fact]
    public async Task Search_ForeignCursor_Returns400()
    {
        var (status, _, _) = await _emulator.SearchAsync(new { query = "payments", cursor = "bm9wZQ==" });

        Assert.Equal(HttpStatusCode.BadRequest, status);
    }

    [Fact]
    public async Task Search_LatencyBeyondTimeoutMillis_Returns408()
    {
        await _emulator.SetFaultsAsync(new FaultSettings { LatencyMillis = 5_000 });

        var (status, _, _) = await _emulator.SearchAsync(new { query = "payments", timeoutMillis = 50 });

        Assert.Equal(HttpStatusCode.RequestTimeout, status);
    }

    [Theory]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    [InlineData("wrong", HttpStatusCode.Unauthorized)]
    [InlineData(GleanEmulatorFixture.IndexingToken, HttpStatusCode.Forbidden)]
    public async Task Search_BadToken_IsRefused(string? token, HttpStatusCode expected)
    {
        var (status, _, _) = await _emulator.SearchAsync(new { query = "payments" }, token);

        Assert.Equal(expected, status);
    }

    [Fact]
    public async Task Search_MoreThan5PerSecond_Returns429WithRetryAfter()
    {
        var time = new FakeTimeProvider();
        await using var emulator = await GleanEmulatorFixture.StartAsync(o => o.RateLimitsEnabled = true, time);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++)
        {
            statuses.Add((await emulator.SearchAsync(new { query = "payments" })).Status);
        }

        var (_, _, limited) = await emulator.SearchAsync(new { query = "payments" });
        time.Advance(TimeSpan.FromSeconds(1));
        var (afterRefill, _, _) = await emulator.SearchAsync(new { query = "payments" });

        Assert.Equal(Enumerable.Repeat(HttpStatusCode.OK, 5).Append(HttpStatusCode.TooManyRequests), statuses);
        Assert.NotNull(limited.Headers.RetryAfter);
        Assert.Equal(HttpStatusCode.OK, afterRefill);
    }
}
