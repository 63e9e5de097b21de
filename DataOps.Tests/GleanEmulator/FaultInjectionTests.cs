using System.Net;
using System.Net.Http.Json;
using DataOps.GleanEmulator.Faults;
using DataOps.Tests.Infrastructure;

namespace DataOps.Tests.GleanEmulator;

/// <summary>The admin API and each injected fault, seen from a raw client.</summary>
public sealed class FaultInjectionTests(GleanSharedEmulator shared) : IAsyncLifetime, IClassFixture<GleanSharedEmulator>
{
    private GleanEmulatorFixture _emulator = null!;

    public async ValueTask InitializeAsync()
    {
        _emulator = await shared.ResetAsync();
        await _emulator.AddDatasourceAsync("docs");
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private Task<HttpStatusCode> StatusCallAsync() =>
        _emulator.PostAsync("api/index/v1/debug/docs/status", null).ContinueWith(t => t.Result.Status, TaskScheduler.Default);

    [Fact]
    public async Task NextStatusCodes_AreServedInOrderThenNormalService()
    {
        await _emulator.SetFaultsAsync(new FaultSettings { NextStatusCodes = [503, 500, 429], RetryAfterSeconds = 3 });

        var a = await _emulator.PostAsync("api/index/v1/debug/docs/status", null);
        var b = await _emulator.PostAsync("api/index/v1/debug/docs/status", null);
        var c = await _emulator.PostAsync("api/index/v1/debug/docs/status", null);
        var d = await _emulator.PostAsync("api/index/v1/debug/docs/status", null);

        Assert.Equal([HttpStatusCode.ServiceUnavailable, HttpStatusCode.InternalServerError, HttpStatusCode.TooManyRequests, HttpStatusCode.OK], new[] { a.Status, b.Status, c.Status, d.Status });
        Assert.Equal(TimeSpan.FromSeconds(3), c.Response.Headers.RetryAfter?.Delta);
        Assert.Equal("injected 503", a.Body.Message());
    }

    [Fact]
    public async Task NextStatusCodes_200PassesAndNegativeLosesTheResponseAfterProcessing()
    {
        await _emulator.SetFaultsAsync(new FaultSettings { NextStatusCodes = [200, -500] });

        var served = await _emulator.PostAsync("api/index/v1/indexdocuments", new { datasource = "docs", documents = EmulatorCalls.Documents("docs", 1, "a") });
        var lost = await _emulator.PostAsync("api/index/v1/indexdocuments", new { datasource = "docs", documents = EmulatorCalls.Documents("docs", 1, "b") });

        Assert.Equal(HttpStatusCode.OK, served.Status);
        Assert.Equal(HttpStatusCode.InternalServerError, lost.Status);
        Assert.Contains("after processing", lost.Body.Message(), StringComparison.Ordinal);
        Assert.Equal(2, (await _emulator.GetDatasourceAsync("docs"))!.DocumentCount);
        Assert.Equal("lost-500", (await _emulator.GetRequestsAsync("indexdocuments"))[^1].Injected);
    }

    [Fact]
    public async Task Shares_WithTheSameSeed_GiveTheSameSequence()
    {
        var faults = new FaultSettings { Share500 = 0.3, Share429WithoutRetryAfter = 0.2, Seed = 42 };
        await _emulator.SetFaultsAsync(faults);
        var first = new List<HttpStatusCode>();
        for (var i = 0; i < 40; i++)
        {
            first.Add(await StatusCallAsync());
        }

        await _emulator.SetFaultsAsync(faults);
        var second = new List<HttpStatusCode>();
        for (var i = 0; i < 40; i++)
        {
            second.Add(await StatusCallAsync());
        }

        Assert.Equal(first, second);
        Assert.Contains(HttpStatusCode.InternalServerError, first);
        Assert.Contains(HttpStatusCode.TooManyRequests, first);
        Assert.Contains(HttpStatusCode.OK, first);
    }

    [Fact]
    public async Task Share429WithoutRetryAfter_SendsNoHeader()
    {
        await _emulator.SetFaultsAsync(new FaultSettings { Share429WithoutRetryAfter = 1 });

        var (status, _, response) = await _emulator.PostAsync("api/index/v1/debug/docs/status", null);

        Assert.Equal(HttpStatusCode.TooManyRequests, status);
        Assert.Null(response.Headers.RetryAfter);
    }

    [Fact]
    public async Task ShareTimeout_HangsUntilTheClientGivesUp()
    {
        await _emulator.SetFaultsAsync(new FaultSettings { ShareTimeout = 1, HangMillis = 60_000 });
        using var client = new HttpClient { BaseAddress = _emulator.BaseUrl, Timeout = TimeSpan.FromMilliseconds(200) };
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/index/v1/debug/docs/status");
        request.Headers.Authorization = new("Bearer", GleanEmulatorFixture.IndexingToken);

        await Assert.ThrowsAnyAsync<TaskCanceledException>(() => client.SendAsync(request, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task ShareTimeout_WithShortHang_Answers504()
    {
        await _emulator.SetFaultsAsync(new FaultSettings { ShareTimeout = 1, HangMillis = 10 });

        Assert.Equal(HttpStatusCode.GatewayTimeout, await StatusCallAsync());
    }

    [Fact]
    public async Task TokenExpiresAfterRequests_Answers401FromThenOn()
    {
        await _emulator.SetFaultsAsync(new FaultSettings { TokenExpiresAfterRequests = 2 });

        var statuses = new[] { await StatusCallAsync(), await StatusCallAsync(), await StatusCallAsync(), await StatusCallAsync() };

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized], statuses);
    }

    [Fact]
    public async Task TokenExpired_Answers401WithExpiredMessage()
    {
        await _emulator.SetFaultsAsync(new FaultSettings { TokenExpired = true });

        var (status, body, _) = await _emulator.PostAsync("api/index/v1/debug/docs/status", null);

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Contains("expired", body.Message(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PathPrefix_LimitsFaultsToMatchingEndpoints()
    {
        await _emulator.SetFaultsAsync(new FaultSettings { Share503 = 1, PathPrefix = "/rest/api/v1/search" });

        var indexing = await StatusCallAsync();
        var (search, _, _) = await _emulator.SearchAsync(new { query = "x" });

        Assert.Equal(HttpStatusCode.OK, indexing);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, search);
    }

    [Fact]
    public async Task UnhealthyDatasource_ReportsNothingIndexed()
    {
        await _emulator.PostAsync("api/index/v1/indexdocuments", new { datasource = "docs", documents = EmulatorCalls.Documents("docs", 2) });

        await _emulator.SetHealthAsync("docs", healthy: false);
        var sick = (await _emulator.PostAsync("api/index/v1/debug/docs/status", null)).Body;
        await _emulator.SetHealthAsync("docs", healthy: true);
        var well = (await _emulator.PostAsync("api/index/v1/debug/docs/status", null)).Body;

        Assert.Equal(0, sick.GetProperty("documents").GetProperty("counts").GetProperty("indexed").GetArrayLength());
        Assert.Equal(1, sick.GetProperty("documents").GetProperty("counts").GetProperty("uploaded").GetArrayLength());
        Assert.Equal(1, well.GetProperty("documents").GetProperty("counts").GetProperty("indexed").GetArrayLength());
    }

    [Fact]
    public async Task DeleteFaults_RestoresNormalService()
    {
        await _emulator.SetFaultsAsync(new FaultSettings { Share500 = 1 });

        await _emulator.ClearFaultsAsync();

        Assert.Equal(HttpStatusCode.OK, await StatusCallAsync());
    }

    [Theory]
    [InlineData(1.5, 0)]
    [InlineData(0.6, 0.6)]
    [InlineData(-0.1, 0)]
    public async Task PostFaults_InvalidShares_Returns400AndKeepsTheOldFaults(double share500, double share503)
    {
        using var response = await _emulator.Http.PostAsJsonAsync("admin/faults", new { share500, share503 }, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var faults = (await _emulator.GetStateAsync()).Faults;
        Assert.Equal(0, faults.Share500);
        Assert.Equal(0, faults.Share503);
    }

    [Fact]
    public async Task Reset_ClearsDatasourcesFaultsAndLog()
    {
        await _emulator.SetFaultsAsync(new FaultSettings { LatencyMillis = 1 });

        using var response = await _emulator.Http.PostAsync(new Uri("admin/reset", UriKind.Relative), null, TestContext.Current.CancellationToken);

        var state = await _emulator.GetStateAsync();
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Empty(state.Datasources);
        Assert.Equal(0, state.Faults.LatencyMillis);
        Assert.Empty(state.RecentRequests);
    }

    [Fact]
    public async Task RequestLog_RecordsInjectedFaults()
    {
        await _emulator.ClearRequestsAsync();
        await _emulator.SetFaultsAsync(new FaultSettings { NextStatusCodes = [500] });

        await StatusCallAsync();
        await StatusCallAsync();

        var log = await _emulator.GetRequestsAsync("/debug/");
        Assert.Equal(["500", null], log.Select(e => e.Injected));
        Assert.Equal([500, 200], log.Select(e => e.Status));
    }

    [Fact]
    public async Task AdminDatasource_Unknown_Returns404()
    {
        using var response = await _emulator.Http.GetAsync(new Uri("admin/datasources/nothere", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task StartupFaults_FromOptions_ApplyFromTheFirstRequest()
    {
        await using var emulator = await GleanEmulatorFixture.StartAsync(o => o.Faults = new FaultSettings { Share503 = 1 });

        var (status, _, _) = await emulator.PostAsync("api/index/v1/adddatasource", new { name = "docs", urlRegex = "^x" });

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
    }
}
