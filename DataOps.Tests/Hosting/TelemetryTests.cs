using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using DataOps.Tests.Hosting.Functions;
using DataOps.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace DataOps.Tests.Hosting;

/// <summary>
/// OpenTelemetry is off unless <c>DataOps:Telemetry:Exporter</c> chooses an exporter; then the task hub worker's meter and
/// activity source (recorded by its dispatcher middleware and storage pipeline policy) are collected. Other tests' hosts
/// in this process share the activity source and the meter name, so traces are matched by this test's instance id,
/// metrics by this test's orchestrator and activity names, and lists are read only after the host (and with it the
/// providers, which flush on shutdown) is disposed.
/// </summary>
public sealed class TelemetryTests(AzuriteFixture azurite)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(null)]
    [InlineData("none")]
    [InlineData("None")]
    public void Build_NoExporterConfigured_RegistersNoTelemetryProvider(string? exporter)
    {
        using var host = TestFunctionHost.CreateBuilder(azurite, [typeof(HttpTestFunctions)],
            new Dictionary<string, string?> { ["DataOps:Telemetry:Exporter"] = exporter }).Build();

        Assert.Null(host.Services.GetService<MeterProvider>());
        Assert.Null(host.Services.GetService<TracerProvider>());
    }

    [Fact]
    public void Build_UnknownExporter_FailsNamingTheSetting()
    {
        var builder = TestFunctionHost.CreateBuilder(azurite, [typeof(HttpTestFunctions)],
            new Dictionary<string, string?> { ["DataOps:Telemetry:Exporter"] = "zipkin" });

        var error = Assert.Throws<InvalidOperationException>(() => builder.Build());

        Assert.Contains("DataOps:Telemetry:Exporter 'zipkin' is not one of none, console, otlp", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Exporter_Console_CollectsTheDurableEnginesMetricsAndTraces()
    {
        var metrics = new List<MetricSnapshot>();
        var activities = new List<Activity>();
        var host = await StartDurableHostAsync(new() { ["DataOps:Telemetry:Exporter"] = "console" }, services =>
        {
            // Alongside the console exporter the product configures, so the test can read what was collected.
            services.ConfigureOpenTelemetryMeterProvider(m => m.AddInMemoryExporter(metrics));
            services.ConfigureOpenTelemetryTracerProvider(t => t.AddInMemoryExporter(activities));
        });
        string id;
        try
        {
            Assert.NotNull(host.Host.Services.GetService<MeterProvider>());
            Assert.NotNull(host.Host.Services.GetService<TracerProvider>());
            id = await RunSequenceAsync(host);
        }
        finally
        {
            await host.DisposeAsync();
        }

        var ours = activities.Where(a => a.Source.Name == "DataOps.Workflows" && Equals(a.GetTagItem("durable.instance_id"), id)).ToList();
        var episodes = ours.Where(a => a.DisplayName == "orchestration.episode").ToList();
        Assert.NotEmpty(episodes);
        Assert.All(episodes, a => Assert.Equal(nameof(Sequence), a.GetTagItem("durable.name")));
        Assert.Contains(episodes, a => Equals(a.GetTagItem("outcome"), "completed"));
        var appends = ours.Where(a => a.DisplayName == "activity " + nameof(Append)).ToList();
        Assert.Equal(3, appends.Count);
        Assert.All(appends, a => Assert.Equal("completed", a.GetTagItem("outcome")));
        var durable = metrics.Where(m => m.MeterName == "DataOps.Workflows").Select(m => m.Name).ToHashSet();
        Assert.Superset(
            new HashSet<string> { "durable.episodes", "durable.episode.duration", "durable.activities", "durable.activity.duration", "durable.storage.calls" },
            durable);
        Assert.True(Sum(metrics, "durable.episodes", nameof(Sequence), "completed") >= 1);
        Assert.True(Sum(metrics, "durable.activities", nameof(Append), "completed") >= 3);
        Assert.True(Sum(metrics, "durable.storage.calls") > 0);
    }

    [Fact]
    public async Task Exporter_Otlp_SendsMetricsAndTracesToTheConfiguredEndpoint()
    {
        await using var collector = await OtlpCollector.StartAsync();
        var host = await StartDurableHostAsync(new()
        {
            ["DataOps:Telemetry:Exporter"] = "otlp",
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = collector.Endpoint,
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
        });
        string id;
        try
        {
            id = await RunSequenceAsync(host);
        }
        finally
        {
            await host.DisposeAsync();
        }

        // OTLP is protobuf, where names and string attributes travel as plain UTF-8.
        var traces = collector.Received("traces");
        var metrics = collector.Received("metrics");
        Assert.Contains(traces, body => body.Contains("DataOps.Workflows", StringComparison.Ordinal)
            && body.Contains("orchestration.episode", StringComparison.Ordinal) && body.Contains(id, StringComparison.Ordinal));
        Assert.Contains(traces, body => body.Contains("activity " + nameof(Append), StringComparison.Ordinal) && body.Contains(id, StringComparison.Ordinal));
        Assert.Contains(metrics, body => body.Contains("DataOps.Workflows", StringComparison.Ordinal)
            && body.Contains("durable.episodes", StringComparison.Ordinal)
            && body.Contains("durable.activities", StringComparison.Ordinal)
            && body.Contains("durable.storage.calls", StringComparison.Ordinal));
    }

    /// <summary>
    /// The largest total of a <c>DataOps.Workflows</c> counter over the exports (totals are cumulative), summed over its
    /// points, or over the points of orchestrator or activity <paramref name="name"/> ending with <paramref name="outcome"/>.
    /// </summary>
    private static long Sum(List<MetricSnapshot> metrics, string metric, string? name = null, string? outcome = null) =>
        metrics.Where(m => m.MeterName == "DataOps.Workflows" && m.Name == metric)
            .Select(m => m.MetricPoints.Where(p => name is null || (HasTag(p, "durable.name", name) && HasTag(p, "outcome", outcome))).Sum(p => p.GetSumLong()))
            .DefaultIfEmpty(0)
            .Max();

    private static bool HasTag(MetricPoint point, string key, string? value)
    {
        foreach (var tag in point.Tags)
        {
            if (tag.Key == key)
            {
                return Equals(tag.Value, value);
            }
        }

        return false;
    }

    private static async Task<string> RunSequenceAsync(TestFunctionHost host)
    {
        var client = host.Host.Services.GetRequiredService<DurableTaskClient>();
        var id = await client.ScheduleNewOrchestrationInstanceAsync(nameof(Sequence), "x", cancellation: Ct);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        var done = await client.WaitForInstanceCompletionAsync(id, true, timeout.Token);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        return id;
    }

    /// <summary>A function host with the Durable extension on its own task hub and one orchestration with three activities.</summary>
    private Task<TestFunctionHost> StartDurableHostAsync(Dictionary<string, string?> settings, Action<IServiceCollection>? services = null)
    {
        settings["extensions:durableTask:hubName"] = "Otel" + AzuriteFixture.UniqueName("h")[1..13];
        settings["extensions:durableTask:storageProvider:partitionCount"] = "2";
        settings["extensions:durableTask:storageProvider:maxQueuePollingInterval"] = "00:00:00.100";
        settings["extensions:durableTask:shutdownTimeout"] = "00:00:05";
        return TestFunctionHost.StartAsync(azurite, [typeof(HttpTestFunctions), typeof(SequenceFunctions)], settings, services);
    }

    /// <summary>Stands in for an OpenTelemetry collector: accepts OTLP/HTTP exports on a free port and keeps each body.</summary>
    private sealed class OtlpCollector : IAsyncDisposable
    {
        private readonly WebApplication _app;
        private readonly ConcurrentQueue<(string Signal, string Body)> _received = new();

        private OtlpCollector(WebApplication app) => _app = app;

        public string Endpoint => _app.Urls.First();

        public static async Task<OtlpCollector> StartAsync()
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            var collector = new OtlpCollector(builder.Build());
            collector._app.MapPost("/v1/{signal}", async (string signal, HttpRequest request) =>
            {
                using var body = new MemoryStream();
                await request.Body.CopyToAsync(body);
                collector._received.Enqueue((signal, Encoding.UTF8.GetString(body.ToArray())));
                return Results.Ok();
            });
            await collector._app.StartAsync(Ct);
            return collector;
        }

        public IReadOnlyList<string> Received(string signal) => [.. _received.Where(r => r.Signal == signal).Select(r => r.Body)];

        public async ValueTask DisposeAsync()
        {
            await _app.StopAsync(CancellationToken.None);
            await _app.DisposeAsync();
        }
    }

    /// <summary>Three activities in a row.</summary>
    public sealed class Sequence : TaskOrchestrator<string, string>
    {
        /// <inheritdoc />
        public override async Task<string> RunAsync(TaskOrchestrationContext context, string input)
        {
            var result = input;
            for (var i = 0; i < 3; i++)
            {
                result = await context.CallActivityAsync<string>(nameof(Append), result);
            }

            return result;
        }
    }

    /// <summary>Appends a mark.</summary>
    public sealed class Append : TaskActivity<string, string>
    {
        /// <inheritdoc />
        public override Task<string> RunAsync(TaskActivityContext context, string input) => Task.FromResult(input + "+");
    }

    /// <summary><see cref="Sequence"/> and <see cref="Append"/> as orchestration and activity functions.</summary>
    public static class SequenceFunctions
    {
        [Function(nameof(Sequence))]
        public static Task<string> RunSequence([OrchestrationTrigger] TaskOrchestrationContext context) =>
            new Sequence().RunAsync(context, context.GetInput<string>()!);

        [Function(nameof(Append))]
        public static Task<string> RunAppend([ActivityTrigger] string input) => new Append().RunAsync(null!, input);
    }
}
