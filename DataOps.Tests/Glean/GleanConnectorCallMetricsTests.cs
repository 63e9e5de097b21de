using System.Collections.Concurrent;
using DataOps.Domain.Datasets;
using DataOps.Glean.Metrics;
using DataOps.Glean.Model;
using DataOps.GleanEmulator.Faults;
using DataOps.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;

namespace DataOps.Tests.Glean;

/// <summary>
/// Every sync, probe and query the adapter makes for a connector reaches the observers and the OpenTelemetry meter with
/// how it ended, over HTTP against the emulator: answered calls succeed, a refusal about the connector is its own error,
/// Glean failing on its side is unavailability.
/// </summary>
public sealed class GleanConnectorCallMetricsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SyncProbeAndQueries_AreObservedAsSucceeded_AndCountedByTheMeter()
    {
        await using var emulator = await GleanEmulatorFixture.StartAsync();
        var observer = new RecordingObserver();
        await using var adapter = GleanAdapterHarness.Create(emulator.BaseUrl, services: s => s.AddSingleton<IConnectorCallObserver>(observer));
        using var calls = new MetricCollector<long>(adapter.Meters, GleanTelemetry.MeterName, GleanTelemetry.CallsInstrument);
        using var durations = new MetricCollector<double>(adapter.Meters, GleanTelemetry.MeterName, GleanTelemetry.DurationInstrument);
        var records = GleanRecords.Create(DatasetType.JiraIssues, 20);
        var connector = await adapter.Service.CreateConnectorAsync(new ConnectorSpec("Metrics-sandbox-jira", DatasetType.JiraIssues, Stage.Sandbox, ViewUrls.BaseFrom(records.Select(r => r["url"] as string))), Ct);

        await adapter.Service.PopulateAsync(connector, "dataset-m1", 1, records, Ct);
        await adapter.Service.ProbeHealthAsync(connector, 20, Ct);
        await adapter.Service.RunSampleQueriesAsync(connector, ["bug", "login"], Ct);

        Assert.Equal(
            ["sync:succeeded", "probe:succeeded", "query:succeeded", "query:succeeded"],
            observer.Calls.Select(c => $"{GleanTelemetry.Wire(c.Kind)}:{GleanTelemetry.Wire(c.Outcome)}"));
        Assert.All(observer.Calls, c => Assert.Equal(connector.DatasourceName, c.DatasourceName));
        Assert.All(observer.Calls, c => Assert.True(c.Duration > TimeSpan.Zero));
        Assert.Equal(
            ["sync:succeeded:sandbox:jira_issues", "probe:succeeded:sandbox:jira_issues", "query:succeeded:sandbox:jira_issues", "query:succeeded:sandbox:jira_issues"],
            calls.GetMeasurementSnapshot().Select(m => $"{m.Tags["dataops.call.kind"]}:{m.Tags["dataops.call.outcome"]}:{m.Tags["dataops.stage"]}:{m.Tags["dataops.dataset_type"]}"));
        Assert.All(calls.GetMeasurementSnapshot(), m => Assert.Equal(1, m.Value));
        Assert.Equal(observer.Calls.Select(c => c.Duration.TotalSeconds), durations.GetMeasurementSnapshot().Select(m => m.Value));
    }

    [Fact]
    public async Task ARefusalAboutTheConnector_IsItsError_AndGleanFailingOnItsSide_IsUnavailability()
    {
        await using var emulator = await GleanEmulatorFixture.StartAsync();
        var observer = new RecordingObserver();
        await using var adapter = GleanAdapterHarness.Create(
            emulator.BaseUrl,
            new Dictionary<string, string?> { ["MaxRetryAttempts"] = "1" },
            services: s => s.AddSingleton<IConnectorCallObserver>(observer));
        using var calls = new MetricCollector<long>(adapter.Meters, GleanTelemetry.MeterName, GleanTelemetry.CallsInstrument);
        var records = GleanRecords.Create(DatasetType.JiraIssues, 5);
        var spec = new ConnectorSpec("Refused-sandbox-jira", DatasetType.JiraIssues, Stage.Sandbox, ViewUrls.BaseFrom(records.Select(r => r["url"] as string)));
        var connector = await adapter.Service.CreateConnectorAsync(spec, Ct);

        // A datasource Glean does not know: the probe is refused (404), the connector's own error.
        var unknown = connector with { DatasourceName = "neverregistered" };
        var refused = await adapter.Service.ProbeHealthAsync(unknown, 5, Ct);

        // Glean failing on every request: the sync is not the connector's fault.
        await emulator.SetFaultsAsync(new FaultSettings { Share503 = 1.0, Seed = 1 });
        await Assert.ThrowsAnyAsync<Exception>(() => adapter.Service.PopulateAsync(connector, "dataset-m2", 1, records, Ct));
        await emulator.ClearFaultsAsync();

        Assert.False(refused.Healthy);
        Assert.Equal(
            ["probe:failed:neverregistered", $"sync:unavailable:{connector.DatasourceName}"],
            observer.Calls.Select(c => $"{GleanTelemetry.Wire(c.Kind)}:{GleanTelemetry.Wire(c.Outcome)}:{c.DatasourceName}"));
        Assert.Equal(["failed", "unavailable"], calls.GetMeasurementSnapshot().Select(m => m.Tags["dataops.call.outcome"]?.ToString()));
    }

    [Fact]
    public async Task AnObserverThatFails_NeverFailsTheCall()
    {
        await using var emulator = await GleanEmulatorFixture.StartAsync();
        await using var adapter = GleanAdapterHarness.Create(emulator.BaseUrl, services: s => s.AddSingleton<IConnectorCallObserver>(new FailingObserver()));
        var records = GleanRecords.Create(DatasetType.JiraIssues, 5);
        var connector = await adapter.Service.CreateConnectorAsync(new ConnectorSpec("Broken-sandbox-jira", DatasetType.JiraIssues, Stage.Sandbox, ViewUrls.BaseFrom(records.Select(r => r["url"] as string))), Ct);

        var population = await adapter.Service.PopulateAsync(connector, "dataset-m3", 1, records, Ct);
        var health = await adapter.Service.ProbeHealthAsync(connector, 5, Ct);

        Assert.Equal(5, population.DocumentCount);
        Assert.True(health.Healthy, string.Join("; ", health.Problems));
    }

    private sealed class RecordingObserver : IConnectorCallObserver
    {
        private readonly ConcurrentQueue<ConnectorCall> _calls = new();

        public IReadOnlyList<ConnectorCall> Calls => [.. _calls];

        public Task ObserveAsync(ConnectorCall call, CancellationToken cancellationToken)
        {
            _calls.Enqueue(call);
            return Task.CompletedTask;
        }
    }

    private sealed class FailingObserver : IConnectorCallObserver
    {
        public Task ObserveAsync(ConnectorCall call, CancellationToken cancellationToken) => throw new InvalidOperationException("metrics storage is down");
    }
}
