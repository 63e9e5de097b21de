using System.Diagnostics;
using System.Globalization;
using DataOps.Domain.Datasets;
using DataOps.Glean;
using DataOps.Glean.Model;
using DataOps.GleanEmulator;
using DataOps.GleanEmulator.Faults;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DataOps.Benchmarks.Glean;

/// <summary>
/// The Glean adapter against an in-process emulator over loopback HTTP, with Glean's published rate limits
/// on both sides: population of 2000 documents (clean and under faults), health probes and sample queries.
/// </summary>
public sealed class GleanBenchmarkSuite : IBenchmarkSuite
{
    private const int Documents = 2000;
    private const int Runs = 3;

    public string Name => "glean";

    public string Description => "Glean adapter vs emulator: populate 2000 docs, probe, sample queries (published limits)";

    public async Task RunAsync(TextWriter output, BenchmarkOptions options, CancellationToken cancellationToken)
    {
        var emulator = GleanEmulatorApp.Build(["--urls", "http://127.0.0.1:0"], o => o.MinimumLogLevel = LogLevel.Warning);
        await emulator.StartAsync(cancellationToken);
        try
        {
            var baseUrl = new Uri(emulator.Urls.Single());
            await using var provider = Adapter(baseUrl);
            var service = provider.GetRequiredService<IGleanConnectorService>();
            var records = Records(Documents);
            var connector = await service.CreateConnectorAsync(
                new ConnectorSpec("BENCH-sandbox-confluence", DatasetType.ConfluencePages, Stage.Sandbox, ViewUrls.BaseFrom(records.Select(r => (string?)r["url"]))),
                cancellationToken);

            var rows = new List<(string Metric, string Value)>();
            var clean = new List<double>();
            for (var run = 1; run <= Runs; run++)
            {
                var started = Stopwatch.GetTimestamp();
                await service.PopulateAsync(connector, "bench", run, records, cancellationToken);
                clean.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }

            rows.Add(($"populate {Documents} docs, no faults (median of {Runs})", Ms(Median(clean))));
            rows.Add(("  documents per second", (Documents / (Median(clean) / 1000)).ToString("F0", CultureInfo.InvariantCulture)));

            await SetFaultsAsync(baseUrl, new FaultSettings { Share500 = 0.1, Share503 = 0.1, Share429WithRetryAfter = 0.05, Share429WithoutRetryAfter = 0.05, RetryAfterSeconds = 1, Seed = 11 }, cancellationToken);
            var faulted = Stopwatch.GetTimestamp();
            await service.PopulateAsync(connector, "bench", Runs + 1, records, cancellationToken);
            rows.Add(($"populate {Documents} docs, 20 % 5xx + 10 % 429 (default back-off)", Ms(Stopwatch.GetElapsedTime(faulted).TotalMilliseconds)));
            await SetFaultsAsync(baseUrl, FaultSettings.None, cancellationToken);

            var probes = new List<double>();
            for (var i = 0; i < 60; i++)
            {
                var health = await service.ProbeHealthAsync(connector, Documents, cancellationToken);
                probes.Add(health.ResponseTime.TotalMilliseconds);
            }

            probes.Sort();
            rows.Add(("health probe p50 / p95 (60 probes)", $"{Ms(probes[probes.Count / 2])} / {Ms(probes[(int)(probes.Count * 0.95)])}"));

            var queries = Stopwatch.GetTimestamp();
            var report = await service.RunSampleQueriesAsync(connector, SampleQueries.FromRecords(DatasetType.ConfluencePages, records), cancellationToken);
            rows.Add(($"10 sample queries, 5/s limit ({(report.AllSucceeded ? "all passed" : "FAILED")})", Ms(Stopwatch.GetElapsedTime(queries).TotalMilliseconds)));
            rows.Add(("  slowest single query", Ms(report.Results.Max(r => r.Duration.TotalMilliseconds))));
            foreach (var failed in report.Results.Where(r => !r.Succeeded))
            {
                rows.Add(($"  failed: '{failed.Query}'", failed.Error ?? string.Empty));
            }

            var retire = Stopwatch.GetTimestamp();
            await service.EmptyAndRetireAsync(connector, "bench", cancellationToken);
            rows.Add(("empty and retire", Ms(Stopwatch.GetElapsedTime(retire).TotalMilliseconds)));

            output.WriteLine($"{"metric",-62} {"value",14}");
            foreach (var (metric, value) in rows)
            {
                output.WriteLine($"{metric,-62} {value,14}");
            }
        }
        finally
        {
            await emulator.StopAsync(CancellationToken.None);
            await emulator.DisposeAsync();
        }
    }

    private static ServiceProvider Adapter(Uri baseUrl)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Glean:BaseUrl"] = baseUrl.ToString(),
            ["Glean:IndexingToken"] = "local-indexing-token",
            ["Glean:ClientToken"] = "local-client-token",
            ["Glean:ValidationUser"] = "dataops-validation@example.com",
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddGleanAdapter(configuration);
        return services.BuildServiceProvider();
    }

    private static async Task SetFaultsAsync(Uri baseUrl, FaultSettings faults, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = baseUrl };
        using var response = await System.Net.Http.Json.HttpClientJsonExtensions.PostAsJsonAsync(http, "admin/faults", faults, cancellationToken);
        response.EnsureSuccessStatusCode();
    }

    private static List<IReadOnlyDictionary<string, object?>> Records(int count)
    {
        string[] words = ["onboarding", "architecture", "payments", "roadmap", "incident", "security", "billing", "search"];
        var start = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
        return Enumerable.Range(0, count).Select(i => (IReadOnlyDictionary<string, object?>)new Dictionary<string, object?>
        {
            ["id"] = $"page-{i}",
            ["url"] = $"https://bench.example.com/wiki/pages/{i}",
            ["title"] = $"{words[i % words.Length]} notes {i}",
            ["body"] = string.Join(' ', Enumerable.Repeat($"How the team works on {words[(i + 3) % words.Length]}.", 20)),
            ["space_key"] = "ENG",
            ["author_name"] = "Bench Writer",
            ["author_email"] = "bench@example.com",
            ["labels"] = (IReadOnlyList<string>)[words[i % words.Length]],
            ["content_type"] = "engineering_doc",
            ["created_at"] = start.AddMinutes(i),
            ["updated_at"] = start.AddMinutes(i + 5),
        }).ToList();
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

    private static string Ms(double value) => value.ToString("F1", CultureInfo.InvariantCulture) + " ms";
}
