using System.Diagnostics;
using DataOps.Domain.Datasets;
using DataOps.Glean;
using DataOps.Glean.Errors;
using DataOps.Glean.Http;
using DataOps.Glean.Model;
using DataOps.GleanEmulator.Faults;
using DataOps.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace DataOps.Tests.Glean;

/// <summary>Retries, back-off, timeouts, the circuit breaker and the client-side rate limiters against injected faults.</summary>
public sealed class GleanResilienceTests(GleanSharedEmulator shared) : IAsyncLifetime, IClassFixture<GleanSharedEmulator>
{
    private GleanEmulatorFixture _emulator = null!;

    public async ValueTask InitializeAsync() => _emulator = await shared.ResetAsync();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private static ConnectorSpec Spec(DatasetType type = DatasetType.Custom) =>
        new($"ACME-sandbox-{ConnectorKinds.ToConnectorType(type).ToWireName()}", type, Stage.Sandbox, new Uri("https://acme.example.com/"));

    [Fact]
    public async Task Operations_Under20Percent5xxAnd10Percent429_AllSucceed()
    {
        await using var adapter = GleanAdapterHarness.Create(_emulator.BaseUrl);
        var connector = await adapter.Service.CreateConnectorAsync(Spec(), TestContext.Current.CancellationToken);
        await _emulator.SetFaultsAsync(new FaultSettings
        {
            Share500 = 0.10, Share503 = 0.10, Share429WithRetryAfter = 0.05, Share429WithoutRetryAfter = 0.05, RetryAfterSeconds = 1, Seed = 7,
        });

        for (var i = 0; i < 30; i++)
        {
            Assert.Equal(0, (await adapter.Service.GetDocumentCountAsync(connector, TestContext.Current.CancellationToken)).Indexed);
        }

        var log = await _emulator.GetRequestsAsync("/debug/");
        Assert.Contains(log, e => e.Injected == "500");
        Assert.Contains(log, e => e.Injected == "503");
        Assert.Contains(log, e => e.Injected == "429");
        Assert.Equal(30, log.Count(e => e.Status == 200));
    }

    [Fact]
    public async Task Call_WithWrongToken_FailsFastWithoutRetry()
    {
        await using var adapter = GleanAdapterHarness.Create(_emulator.BaseUrl, new Dictionary<string, string?> { ["IndexingToken"] = "wrong-secret-token" });

        var error = await Assert.ThrowsAsync<GleanUnauthorizedException>(() => adapter.Service.CreateConnectorAsync(Spec(), TestContext.Current.CancellationToken));

        Assert.Equal(401, error.StatusCode);
        Assert.False(error.IsTransient);
        Assert.Single(await _emulator.GetRequestsAsync());
        Assert.DoesNotContain("wrong-secret-token", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Call_AfterTheTokenExpires_FailsWithUnauthorized()
    {
        await using var adapter = GleanAdapterHarness.Create(_emulator.BaseUrl);
        var connector = await adapter.Service.CreateConnectorAsync(Spec(), TestContext.Current.CancellationToken);
        await _emulator.SetFaultsAsync(new FaultSettings { TokenExpiresAfterRequests = 1 });

        await adapter.Service.GetDocumentCountAsync(connector, TestContext.Current.CancellationToken);
        var error = await Assert.ThrowsAsync<GleanUnauthorizedException>(() => adapter.Service.GetDocumentCountAsync(connector, TestContext.Current.CancellationToken));

        Assert.Contains("expired", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Call_WithClientTokenOnIndexing_IsForbidden()
    {
        await using var adapter = GleanAdapterHarness.Create(_emulator.BaseUrl, new Dictionary<string, string?> { ["IndexingToken"] = GleanEmulatorFixture.ClientToken });

        var error = await Assert.ThrowsAsync<GleanForbiddenException>(() => adapter.Service.CreateConnectorAsync(Spec(), TestContext.Current.CancellationToken));

        Assert.Single(await _emulator.GetRequestsAsync());
        Assert.DoesNotContain(GleanEmulatorFixture.ClientToken, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Call_WithoutConfiguredToken_NamesTheSetting()
    {
        await using var adapter = GleanAdapterHarness.Create(_emulator.BaseUrl, new Dictionary<string, string?> { ["IndexingToken"] = "" });

        var error = await Assert.ThrowsAsync<GleanUnauthorizedException>(() => adapter.Service.CreateConnectorAsync(Spec(), TestContext.Current.CancellationToken));

        Assert.Contains("Glean:IndexingToken", error.Message, StringComparison.Ordinal);
        Assert.Empty(await _emulator.GetRequestsAsync());
    }

    [Fact]
    public async Task Call_PersistentServerError_GivesUpAfterTheRetriesAsUnavailable()
    {
        await using var adapter = GleanAdapterHarness.Create(_emulator.BaseUrl, new Dictionary<string, string?> { ["MaxRetryAttempts"] = "3" });
        await _emulator.SetFaultsAsync(new FaultSettings { Share500 = 1 });

        var error = await Assert.ThrowsAsync<GleanUnavailableException>(() => adapter.Service.CreateConnectorAsync(Spec(), TestContext.Current.CancellationToken));

        Assert.Equal(500, error.StatusCode);
        Assert.True(error.IsTransient);
        Assert.Equal(4, (await _emulator.GetRequestsAsync()).Count);
    }

    [Fact]
    public async Task Call_PersistentRateLimit_GivesUpAsRateLimited()
    {
        await using var adapter = GleanAdapterHarness.Create(_emulator.BaseUrl, new Dictionary<string, string?> { ["MaxRetryAttempts"] = "2" });
        await _emulator.SetFaultsAsync(new FaultSettings { Share429WithRetryAfter = 1, RetryAfterSeconds = 1 });

        var error = await Assert.ThrowsAsync<GleanRateLimitedException>(() => adapter.Service.CreateConnectorAsync(Spec(), TestContext.Current.CancellationToken));

        Assert.Equal(TimeSpan.FromSeconds(1), error.RetryAfter);
        Assert.Equal(3, (await _emulator.GetRequestsAsync()).Count);
    }

    [Fact]
    public async Task Call_Hanging_TimesOutPerAttemptAndRetries()
    {
        await using var adapter = GleanAdapterHarness.Create(_emulator.BaseUrl, new Dictionary<string, string?> { ["AttemptTimeout"] = "00:00:00.200" });
        var connector = await adapter.Service.CreateConnectorAsync(Spec(), TestContext.Current.CancellationToken);
        await _emulator.SetFaultsAsync(new FaultSettings { NextStatusCodes = [], ShareTimeout = 0.5, HangMillis = 30_000, Seed = 3 });

        for (var i = 0; i < 6; i++)
        {
            await adapter.Service.GetDocumentCountAsync(connector, TestContext.Current.CancellationToken);
        }

        var log = await _emulator.GetRequestsAsync("/debug/");
        Assert.Contains(log, e => e.Injected == "timeout");
        Assert.Equal(6, log.Count(e => e.Status == 200));
    }

    [Fact]
    public async Task Retry_On429WithRetryAfter_WaitsWhatGleanAsked()
    {
        var time = new FakeTimeProvider();
        var logs = new FakeLogCollector();
        await using var adapter = GleanAdapterHarness.Create(
            _emulator.BaseUrl,
            new Dictionary<string, string?> { ["RetryMaxDelay"] = "00:01:00", ["RetryBaseDelay"] = "00:00:00.001", ["AttemptTimeout"] = "00:10:00" },
            time,
            services => services.AddLogging(b => b.AddProvider(new FakeLoggerProvider(logs))));
        await _emulator.SetFaultsAsync(new FaultSettings { NextStatusCodes = [429], RetryAfterSeconds = 7 });

        var call = adapter.Service.CreateConnectorAsync(Spec(), TestContext.Current.CancellationToken);
        await Eventually.HoldsAsync(() => logs.GetSnapshot().Any(IsRetry), "the retry after the 429");
        Assert.False(call.IsCompleted);
        var waited = await AdvanceUntilRequestedAsync(time, "getdatasourceconfig", 2);
        await call;

        Assert.InRange(waited, TimeSpan.FromSeconds(7), TimeSpan.FromSeconds(11));
        Assert.Equal(["429", null], (await _emulator.GetRequestsAsync("getdatasourceconfig")).Select(e => e.Injected));
    }

    [Fact]
    public async Task Retry_RetryAfterLongerThanTheMaxDelay_WaitsTheMaxDelay()
    {
        var time = new FakeTimeProvider();
        var logs = new FakeLogCollector();
        await using var adapter = GleanAdapterHarness.Create(
            _emulator.BaseUrl,
            new Dictionary<string, string?> { ["RetryMaxDelay"] = "00:00:02", ["RetryBaseDelay"] = "00:00:00.001", ["AttemptTimeout"] = "00:10:00" },
            time,
            services => services.AddLogging(b => b.AddProvider(new FakeLoggerProvider(logs))));
        await _emulator.SetFaultsAsync(new FaultSettings { NextStatusCodes = [429], RetryAfterSeconds = 30 });

        var call = adapter.Service.CreateConnectorAsync(Spec(), TestContext.Current.CancellationToken);
        await Eventually.HoldsAsync(() => logs.GetSnapshot().Any(IsRetry), "the retry after the 429");
        var waited = await AdvanceUntilRequestedAsync(time, "getdatasourceconfig", 2);
        await call;

        Assert.InRange(waited, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(6));
    }

    [Fact]
    public async Task Call_HangingPastTheTotalTimeout_GivesUpAsUnavailable()
    {
        var time = new FakeTimeProvider();
        await using var adapter = GleanAdapterHarness.Create(
            _emulator.BaseUrl,
            new Dictionary<string, string?> { ["AttemptTimeout"] = "00:00:40", ["TotalTimeout"] = "00:01:00", ["MaxRetryAttempts"] = "8" },
            time);
        await _emulator.SetFaultsAsync(new FaultSettings { ShareTimeout = 1, HangMillis = 30_000 });

        // Each attempt hangs; the clock moves in steps until the call gives up, which only the whole call's timeout
        // can make it do within the eight retries: that timeout must cut across them.
        var call = adapter.Service.CreateConnectorAsync(Spec(), TestContext.Current.CancellationToken);
        var advanced = TimeSpan.Zero;
        await Eventually.HoldsAsync(
            () =>
            {
                if (call.IsCompleted)
                {
                    return true;
                }

                time.Advance(TimeSpan.FromSeconds(5));
                advanced += TimeSpan.FromSeconds(5);
                return false;
            },
            "the call to give up");

        var error = await Assert.ThrowsAsync<GleanUnavailableException>(() => call);
        var timeout = Assert.IsType<TimeoutRejectedException>(error.InnerException);
        Assert.Equal(TimeSpan.FromMinutes(1), timeout.Timeout);
        Assert.True(advanced >= TimeSpan.FromMinutes(1), $"gave up after {advanced}");
        Assert.Contains("timed out", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Circuit_AfterRepeatedFailures_OpensThenRecoversAfterTheBreak()
    {
        var time = new FakeTimeProvider();
        await using var adapter = GleanAdapterHarness.Create(
            _emulator.BaseUrl,
            new Dictionary<string, string?>
            {
                ["MaxRetryAttempts"] = "0",
                ["CircuitMinimumThroughput"] = "4",
                ["CircuitFailureRatio"] = "0.5",
                ["CircuitSamplingDuration"] = "00:01:00",
                ["CircuitBreakDuration"] = "00:00:30",
            },
            time);
        GleanConnector connector;
        await using (var setup = GleanAdapterHarness.Create(_emulator.BaseUrl))
        {
            // Set up through another adapter, so only the calls under test count towards this circuit.
            connector = await setup.Service.CreateConnectorAsync(Spec(), TestContext.Current.CancellationToken);
        }

        await _emulator.SetFaultsAsync(new FaultSettings { Share503 = 1 });
        await _emulator.ClearRequestsAsync();

        for (var i = 0; i < 4; i++)
        {
            var failure = await Assert.ThrowsAsync<GleanUnavailableException>(() => adapter.Service.GetDocumentCountAsync(connector, TestContext.Current.CancellationToken));
            Assert.Equal(503, failure.StatusCode);
        }

        var open = await Assert.ThrowsAsync<GleanUnavailableException>(() => adapter.Service.GetDocumentCountAsync(connector, TestContext.Current.CancellationToken));
        Assert.IsAssignableFrom<BrokenCircuitException>(open.InnerException);
        Assert.Contains("circuit is open", open.Message, StringComparison.Ordinal);
        Assert.Equal(4, (await _emulator.GetRequestsAsync()).Count);

        await _emulator.ClearFaultsAsync();
        time.Advance(TimeSpan.FromSeconds(31));
        var recovered = await adapter.Service.GetDocumentCountAsync(connector, TestContext.Current.CancellationToken);

        Assert.Equal(0, recovered.Indexed);
        Assert.Equal(5, (await _emulator.GetRequestsAsync()).Count);
    }

    [Fact]
    public async Task Circuit_SearchFailures_DoNotOpenTheIndexingCircuit()
    {
        await using var adapter = GleanAdapterHarness.Create(
            _emulator.BaseUrl,
            new Dictionary<string, string?> { ["MaxRetryAttempts"] = "0", ["CircuitMinimumThroughput"] = "2", ["CircuitFailureRatio"] = "0.5" });
        var connector = await adapter.Service.CreateConnectorAsync(Spec(), TestContext.Current.CancellationToken);
        await _emulator.SetFaultsAsync(new FaultSettings { Share503 = 1, PathPrefix = "/rest/" });

        await adapter.Service.RunSampleQueriesAsync(connector, ["a", "b", "c"], TestContext.Current.CancellationToken);

        Assert.Equal(0, (await adapter.Service.GetDocumentCountAsync(connector, TestContext.Current.CancellationToken)).Indexed);
    }

    [Fact]
    public async Task SampleQueries_ThrottledLongerThanTheLimit_JudgedOnGleansAnswerTimeNotTheWait()
    {
        // One search per second on the client side, half a second allowed per answer: every query after the first waits
        // about a second for its permit, yet Glean answers each in milliseconds, so all of them pass.
        await using var adapter = GleanAdapterHarness.Create(
            _emulator.BaseUrl,
            new Dictionary<string, string?> { ["RateLimitsEnabled"] = "true", ["SearchRequestsPerSecond"] = "1", ["SampleQueryTimeout"] = "00:00:00.500" });
        var connector = await adapter.Service.CreateConnectorAsync(Spec(), TestContext.Current.CancellationToken);
        var records = GleanRecords.Create(DatasetType.Custom, 20);
        await adapter.Service.PopulateAsync(connector, "ds-1", 1, records, TestContext.Current.CancellationToken);

        var report = await adapter.Service.RunSampleQueriesAsync(connector, SampleQueries.FromRecords(DatasetType.Custom, records).Take(4).ToList(), TestContext.Current.CancellationToken);

        Assert.Equal(4, report.Results.Count);
        Assert.All(report.Results, r => Assert.True(r.Succeeded, $"{r.Query}: {r.Error}"));
        Assert.All(report.Results, r => Assert.True(r.Duration < TimeSpan.FromMilliseconds(500), $"{r.Query} took {r.Duration}"));
    }

    [Fact]
    public async Task Call_UnreachableHost_IsUnavailable()
    {
        await using var adapter = GleanAdapterHarness.Create(new Uri("http://127.0.0.1:1/"), new Dictionary<string, string?> { ["MaxRetryAttempts"] = "1" });

        var error = await Assert.ThrowsAsync<GleanUnavailableException>(() => adapter.Service.CreateConnectorAsync(Spec(), TestContext.Current.CancellationToken));

        Assert.Null(error.StatusCode);
        Assert.DoesNotContain(GleanEmulatorFixture.IndexingToken, error.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true, 0)]
    [InlineData(false, 1)]
    public async Task RateLimiter_ClientSide_KeepsSearchesUnderGleansLimit(bool clientLimits, int minimumRefused)
    {
        await using var emulator = await GleanEmulatorFixture.StartAsync(o => o.RateLimitsEnabled = true);
        await using var adapter = GleanAdapterHarness.Create(
            emulator.BaseUrl,
            new Dictionary<string, string?>
            {
                ["RateLimitsEnabled"] = clientLimits ? "true" : "false",
                ["SearchRequestsPerSecond"] = "5",
                ["MaxRetryAttempts"] = "0",
            });
        var connector = await adapter.Service.CreateConnectorAsync(Spec(), TestContext.Current.CancellationToken);

        var report = await adapter.Service.RunSampleQueriesAsync(connector, [.. Enumerable.Range(0, 10).Select(i => $"q{i}")], TestContext.Current.CancellationToken);

        var refused = (await emulator.GetRequestsAsync("/search")).Count(e => e.Status == 429);
        Assert.InRange(refused, minimumRefused, clientLimits ? 0 : 10);
        Assert.Equal(10, report.Results.Count);
    }

    [Fact]
    public async Task RateLimiter_SearchesWaitingForPermits_DoNotHoldBackIndexing()
    {
        // One search per second: thirty sample queries queue for half a minute on the search API's bucket, while calls to
        // the indexing API, which has buckets of its own, go straight through.
        await using var adapter = GleanAdapterHarness.Create(
            _emulator.BaseUrl,
            new Dictionary<string, string?> { ["RateLimitsEnabled"] = "true", ["SearchRequestsPerSecond"] = "1" });
        var connector = await adapter.Service.CreateConnectorAsync(Spec(), TestContext.Current.CancellationToken);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);

        var searches = adapter.Service.RunSampleQueriesAsync(connector, [.. Enumerable.Range(0, 30).Select(i => $"q{i}")], stop.Token);
        await Eventually.HoldsAsync(async () => (await _emulator.GetRequestsAsync("/search")).Count >= 2, "the search bucket to run dry");
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(0, (await adapter.Service.GetDocumentCountAsync(connector, TestContext.Current.CancellationToken)).Indexed);
        }

        Assert.False(searches.IsCompleted);
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => searches);
    }

    [Fact]
    public async Task RateLimiter_BackgroundCalls_TakeOnlyTheirShare_AndDoNotHoldBackOtherCalls()
    {
        // Ten requests a second, a fifth of them for background work: twenty background probes need about nine seconds
        // (the background bucket holds one refill less than its two a second), while calls a person waits for take
        // the rest of the budget and are not queued behind them.
        await using var adapter = GleanAdapterHarness.Create(
            _emulator.BaseUrl,
            new Dictionary<string, string?> { ["RateLimitsEnabled"] = "true", ["IndexingRequestsPerSecond"] = "10", ["BackgroundShare"] = "0.2" });
        var ct = TestContext.Current.CancellationToken;
        var connector = await adapter.Service.CreateConnectorAsync(Spec(), ct);

        Task<ConnectorHealth[]> probes;
        var started = Stopwatch.GetTimestamp();
        using (GleanTraffic.Background())
        {
            probes = Task.WhenAll(Enumerable.Range(0, 20).Select(_ => adapter.Service.ProbeHealthAsync(connector, 0, ct)));
        }

        Assert.False(GleanTraffic.IsBackground);
        await Eventually.HoldsAsync(async () => (await _emulator.GetRequestsAsync("/status")).Count >= 2, "the background bucket to run dry");
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(0, (await adapter.Service.GetDocumentCountAsync(connector, ct)).Indexed);
        }

        Assert.False(probes.IsCompleted);
        Assert.All(await probes, p => Assert.True(p.Reachable));
        var took = Stopwatch.GetElapsedTime(started);
        Assert.True(took >= TimeSpan.FromSeconds(8), $"20 background probes took {took.TotalSeconds:F1} s; at 2 a second they need at least 9");
    }

    /// <summary>Polly's telemetry reports each retry before its back-off starts.</summary>
    private static bool IsRetry(FakeLogRecord record) =>
        record.Category == "Polly" && Equals(record.GetStructuredStateValue("EventName"), "OnRetry");

    /// <summary>Moves the clock in small steps until Glean has seen <paramref name="count"/> calls to <paramref name="path"/>; returns how far it moved.</summary>
    private async Task<TimeSpan> AdvanceUntilRequestedAsync(FakeTimeProvider time, string path, int count)
    {
        var step = TimeSpan.FromMilliseconds(250);
        var advanced = TimeSpan.Zero;
        await Eventually.HoldsAsync(
            async () =>
            {
                if ((await _emulator.GetRequestsAsync(path)).Count >= count)
                {
                    return true;
                }

                time.Advance(step);
                advanced += step;
                return false;
            },
            $"call {count} to {path}");
        return advanced;
    }
}
