using System.Diagnostics;
using DataOps.Domain.Datasets;
using DataOps.Glean;
using DataOps.Glean.Model;
using DataOps.GleanEmulator.Faults;
using DataOps.Tests.Infrastructure;

namespace DataOps.Tests.Glean;

/// <summary>
/// The whole connector lifecycle through the adapter against the emulator, under injected faults:
/// create, populate 2000 documents, probe healthy, 10 sample queries, disconnect, empty.
/// </summary>
public sealed class GleanLifecycleTests
{
    [Theory]
    [InlineData(DatasetType.SlackMessages, 2000)]
    [InlineData(DatasetType.ConfluencePages, 500)]
    public async Task Lifecycle_UnderInjectedFaults_CompletesEveryStep(DatasetType type, int count)
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var emulator = await GleanEmulatorFixture.StartAsync(o => o.Faults = new FaultSettings
        {
            Share500 = 0.10,
            Share503 = 0.10,
            Share429WithRetryAfter = 0.05,
            Share429WithoutRetryAfter = 0.05,
            LatencyMillis = 2,
            Seed = 2026,
        });
        await using var adapter = GleanAdapterHarness.Create(emulator.BaseUrl, new Dictionary<string, string?> { ["BetaUsers"] = "se@example.com" });
        var service = adapter.Service;
        var records = GleanRecords.Create(type, count);
        var spec = new ConnectorSpec($"ACME-sandbox-{ConnectorKinds.ToConnectorType(type).ToWireName()}", type, Stage.Sandbox, ViewUrls.BaseFrom(records.Select(r => r["url"] as string)));

        var connector = await service.CreateConnectorAsync(spec, cancellation);
        var started = Stopwatch.GetTimestamp();
        var population = await service.PopulateAsync(connector, "dataset-42", 1, records, cancellation);
        TestContext.Current.SendDiagnosticMessage($"populated {count} documents in {Stopwatch.GetElapsedTime(started).TotalMilliseconds:F0} ms under faults");
        var health = await service.ProbeHealthAsync(connector, count, cancellation);
        var queries = await service.RunSampleQueriesAsync(connector, SampleQueries.FromRecords(type, records), cancellation);
        var pause = service.Pause(connector);
        var disconnection = await service.DisconnectAsync(connector, cancellation);
        var retirement = await service.EmptyAndRetireAsync(connector, "dataset-42", cancellation);

        Assert.Equal(count, population.DocumentCount);
        Assert.Equal((count + 999) / 1000, population.PageCount);
        Assert.True(health.Healthy, string.Join("; ", health.Problems));
        Assert.Equal(10, queries.Results.Count);
        Assert.True(queries.AllSucceeded, string.Join("; ", queries.Results.Where(r => !r.Succeeded).Select(r => $"{r.Query}: {r.Error}")));
        Assert.All(queries.Results, r => Assert.True(r.Duration < TimeSpan.FromSeconds(10)));
        Assert.Equal(connector.ConnectorName, pause.ConnectorName);
        Assert.Equal(connector.DatasourceName, disconnection.DatasourceName);
        Assert.True(retirement.Verified);

        var view = (await emulator.GetDatasourceAsync(connector.DatasourceName))!;
        Assert.Equal("NOT_ENABLED", view.Visibility);
        Assert.Equal(0, view.DocumentCount);
        Assert.Equal(["dataops-dataset-42-1", "dataops-dataset-42-retire"], view.Uploads.Select(u => u.UploadId));
        var log = await emulator.GetRequestsAsync();
        Assert.Contains(log, e => e.Injected is "500" or "503");
        Assert.Contains(log, e => e.Injected == "429");
    }
}
