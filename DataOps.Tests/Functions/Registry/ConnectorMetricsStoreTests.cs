using DataOps.Functions.Registry;
using DataOps.Glean.Metrics;
using DataOps.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace DataOps.Tests.Functions.Registry;

/// <summary>
/// A connector's figures computed from known calls on the real table (Azurite), with the clock controlled: the sync
/// success rate, query percentiles, the last day's errors and error rate, freshness and uptime, each over its window.
/// </summary>
public sealed class ConnectorMetricsStoreTests(AzuriteFixture azurite)
{
    private const string Datasource = "acmesandboxjira";

    private static readonly DateTimeOffset Registered = new(2026, 3, 1, 9, 10, 0, TimeSpan.Zero);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ReadAsync_KnownCalls_GiveEveryFigure()
    {
        var (store, time) = Create(Registered.AddDays(3));
        await ObserveAsync(store, ConnectorCallKind.Sync, ConnectorCallOutcome.Failed, Registered.AddMinutes(1));
        await ObserveAsync(store, ConnectorCallKind.Sync, ConnectorCallOutcome.Succeeded, Registered.AddMinutes(5));
        await ObserveAsync(store, ConnectorCallKind.Sync, ConnectorCallOutcome.Unavailable, Registered.AddDays(1));
        await ObserveAsync(store, ConnectorCallKind.Sync, ConnectorCallOutcome.Succeeded, Registered.AddDays(2).AddMinutes(30));
        for (var i = 0; i < 10; i++)
        {
            await ObserveAsync(store, ConnectorCallKind.Query, ConnectorCallOutcome.Succeeded, Registered.AddHours(1), TimeSpan.FromMilliseconds(10));
        }

        for (var i = 0; i < 9; i++)
        {
            await ObserveAsync(store, ConnectorCallKind.Query, ConnectorCallOutcome.Succeeded, Registered.AddDays(2).AddHours(20), TimeSpan.FromMilliseconds(120));
        }

        await ObserveAsync(store, ConnectorCallKind.Query, ConnectorCallOutcome.Succeeded, Registered.AddDays(2).AddHours(21), TimeSpan.FromMilliseconds(2500));
        await ObserveAsync(store, ConnectorCallKind.Query, ConnectorCallOutcome.Failed, Registered.AddDays(2).AddHours(22));
        for (var i = 0; i < 3; i++)
        {
            await ObserveAsync(store, ConnectorCallKind.Probe, ConnectorCallOutcome.Succeeded, Registered.AddDays(2).AddHours(23));
        }

        await ObserveAsync(store, ConnectorCallKind.Probe, ConnectorCallOutcome.Unavailable, Registered.AddDays(2).AddHours(23));

        var metrics = await store.ReadAsync(Datasource, Registered, Ct);

        Assert.Equal(4, metrics.Syncs);
        Assert.Equal(0.5, metrics.SyncSuccessRate);
        Assert.Equal(21, metrics.Queries);

        // 20 answered: 10 within 25 ms, 9 within 150 ms, 1 within 3 s.
        Assert.Equal(25, metrics.QueryResponseP50Ms);
        Assert.Equal(150, metrics.QueryResponseP95Ms);

        // The last 24 hours (from day 2, 09:10): the unavailable sync was a day before, so one failed query and one unanswered probe.
        Assert.Equal(2, metrics.ErrorsLast24Hours);

        // One error of the connector's own over the calls Glean answered in those hours (10 queries, 1 failed, 3 probes, 1 sync).
        Assert.Equal(Math.Round(1d / 15, 4), metrics.ErrorRateLast24Hours);
        Assert.Equal(Registered.AddDays(2).AddMinutes(30), metrics.LastSuccessfulSyncAt);
        Assert.Equal((time.GetUtcNow() - Registered.AddDays(2).AddMinutes(30)).TotalMinutes, metrics.FreshnessMinutes);
        Assert.Equal(4, metrics.Probes);
        Assert.Equal(0.75, metrics.Uptime);
    }

    [Fact]
    public async Task ReadAsync_CountsNothingFromBeforeTheDatasetOrOutsideTheWindow()
    {
        var (store, _) = Create(Registered.AddDays(9));

        // A previous dataset's calls on the same connector name, and this dataset's first day, now nine days old.
        await ObserveAsync(store, ConnectorCallKind.Sync, ConnectorCallOutcome.Succeeded, Registered.AddDays(-1));
        await ObserveAsync(store, ConnectorCallKind.Query, ConnectorCallOutcome.Failed, Registered.AddDays(1));
        await ObserveAsync(store, ConnectorCallKind.Probe, ConnectorCallOutcome.Succeeded, Registered.AddDays(8).AddHours(12));

        var metrics = await store.ReadAsync(Datasource, Registered, Ct);
        var fresh = await store.ReadAsync(Datasource, Registered.AddDays(9), Ct);

        Assert.Equal(0, metrics.Syncs);
        Assert.Null(metrics.SyncSuccessRate);
        Assert.Equal(0, metrics.Queries);
        Assert.Null(metrics.QueryResponseP50Ms);
        Assert.Equal(0, metrics.ErrorsLast24Hours);
        Assert.Equal(0, metrics.ErrorRateLast24Hours);
        Assert.Null(metrics.LastSuccessfulSyncAt);
        Assert.Equal(1, metrics.Probes);
        Assert.Equal(1, metrics.Uptime);
        Assert.Equal(0, fresh.Probes);
        Assert.Null(fresh.ErrorRateLast24Hours);
    }

    [Fact]
    public async Task ErrorRateAsync_CountsOnlyTheConnectorsOwnErrorsSinceTheAttemptBegan()
    {
        var (store, time) = Create(Registered.AddMinutes(50));
        var retried = Registered.AddMinutes(30);
        await ObserveAsync(store, ConnectorCallKind.Sync, ConnectorCallOutcome.Failed, Registered.AddMinutes(20));
        await ObserveAsync(store, ConnectorCallKind.Sync, ConnectorCallOutcome.Unavailable, Registered.AddMinutes(35));
        await ObserveAsync(store, ConnectorCallKind.Sync, ConnectorCallOutcome.Succeeded, Registered.AddMinutes(40));
        await ObserveAsync(store, ConnectorCallKind.Probe, ConnectorCallOutcome.Succeeded, Registered.AddMinutes(45));

        // The failure was the first attempt's, in the same hour; Glean being down is not the connector's error.
        Assert.Equal(0, await store.ErrorRateAsync(Datasource, retried, Ct));

        await ObserveAsync(store, ConnectorCallKind.Query, ConnectorCallOutcome.Failed, Registered.AddMinutes(46));
        Assert.True(await store.ErrorRateAsync(Datasource, retried, Ct) > 0.01);

        // A day later the error has aged out of the window.
        time.Advance(TimeSpan.FromHours(25));
        Assert.Equal(0, await store.ErrorRateAsync(Datasource, retried, Ct));
    }

    [Fact]
    public async Task ObserveAsync_ManyHostsAtOnce_LoseNoCall()
    {
        var (store, _) = Create(Registered.AddHours(1));

        await Task.WhenAll(Enumerable.Range(0, 24).Select(_ => ObserveAsync(store, ConnectorCallKind.Probe, ConnectorCallOutcome.Succeeded, Registered.AddMinutes(30))));

        Assert.Equal(24, (await store.ReadAsync(Datasource, Registered, Ct)).Probes);
    }

    [Fact]
    public async Task PurgeExpiredAsync_DeletesOnlyHoursNoFigureReads()
    {
        var (store, time) = Create(Registered.AddDays(10));
        await ObserveAsync(store, ConnectorCallKind.Sync, ConnectorCallOutcome.Succeeded, Registered);
        await ObserveAsync(store, ConnectorCallKind.Probe, ConnectorCallOutcome.Succeeded, Registered.AddDays(5));

        Assert.Equal(1, await store.PurgeExpiredAsync(time.GetUtcNow(), Ct));
        Assert.Equal(0, await store.PurgeExpiredAsync(time.GetUtcNow(), Ct));

        // The last sync is kept apart from the hours: freshness outlives them.
        var metrics = await store.ReadAsync(Datasource, Registered, Ct);
        Assert.Equal(1, metrics.Probes);
        Assert.Equal(Registered, metrics.LastSuccessfulSyncAt);
    }

    private (ConnectorMetricsStore Store, FakeTimeProvider Time) Create(DateTimeOffset now)
    {
        var time = new FakeTimeProvider(now);
        return (new ConnectorMetricsStore(new RegistryHarness(azurite).Tables, time), time);
    }

    private static Task ObserveAsync(ConnectorMetricsStore store, ConnectorCallKind kind, ConnectorCallOutcome outcome, DateTimeOffset at, TimeSpan? duration = null)
        => store.ObserveAsync(new ConnectorCall(Datasource, kind, outcome, duration ?? TimeSpan.FromMilliseconds(40), at), Ct);
}
