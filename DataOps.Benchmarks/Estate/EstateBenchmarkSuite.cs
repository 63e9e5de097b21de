using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using DataOps.Benchmarks.Load;
using DataOps.Benchmarks.Workflows;
using DataOps.Functions.Registry;
using DataOps.Functions.Watch;
using DataOps.GleanEmulator;
using DataOps.Testing;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DataOps.Benchmarks.Estate;

/// <summary>
/// The seeds' estate (ARCH-004: 10,000 active datasets) against a private Azurite, the Glean emulator with Glean's
/// published rate limits and the function host in its own process: how fast the estate is built (directly, see
/// <see cref="EstateSeeder"/>), the operator views' latency over it, one full health-sweep pass (duration, Glean
/// requests/s and 429s, against the 80 % share of 30 requests/s), one journey's request-to-READY idle and while the sweep
/// runs, the orphan scan's finder, and the retention purge over two audit entries per dataset past 90 days.
/// <c>--quick</c>: 1,000 datasets; <c>--size N</c>: N.
/// </summary>
public sealed class EstateBenchmarkSuite : IBenchmarkSuite
{
    private const string Key = "estate-bench-key";
    private const string IndexingToken = "estate-indexing-token";
    private const string ClientToken = "estate-client-token";
    private const string HubName = "EstateBench";
    private const int WarmUpReads = 5;

    /// <inheritdoc />
    public string Name => "estate";

    /// <inheritdoc />
    public string Description => "10,000 READY datasets: a health-sweep pass inside Glean's budget, the orphan scan, the retention purge, operator views, a journey during a sweep";

    /// <inheritdoc />
    public async Task RunAsync(TextWriter output, BenchmarkOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(options);
        var size = options.Size ?? (options.Quick ? 1_000 : 10_000);
        var now = DateTimeOffset.UtcNow;
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"machine: {Environment.ProcessorCount} cores, load average {LoadAverage()} at start"));
        await using var azurite = await AzuriteProcess.StartAsync(cancellationToken);
        await using var eventSink = await AzuriteProcess.StartAsync(cancellationToken);
        GleanEmulatorOptions? emulator = null;
        var glean = GleanEmulatorApp.Build(["--urls", "http://127.0.0.1:0"], o =>
        {
            o.MinimumLogLevel = LogLevel.Warning;
            o.IndexingTokens = IndexingToken;
            o.ClientTokens = $"{ClientToken}={GleanEmulatorOptions.DefaultSearchUser}";
            o.RateLimitsEnabled = false;
            emulator = o;
        });
        await glean.StartAsync(cancellationToken);
        try
        {
            var gleanUrl = new Uri(glean.Urls.Single());
            var seed = await EstateSeeder.SeedAsync(azurite.ConnectionString, eventSink.ConnectionString, gleanUrl, IndexingToken, ClientToken, size, now, cancellationToken);
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"estate: {seed.Datasets:N0} READY datasets of {seed.Clients:N0} clients ({seed.Journeys:N0} journeys) built directly in {seed.Duration.TotalSeconds:F0} s ({seed.Datasets / seed.Duration.TotalSeconds:F0}/s); the {seed.EventsPublished:N0} events it published went to a storage account apart"));

            // From here on the emulator refuses what Glean would: 30 indexing requests/s per token, 5 searches/s.
            emulator!.RateLimitsEnabled = true;
            await using var host = await ProductHostProcess.StartAsync(HostSettings(azurite.ConnectionString, gleanUrl), cancellationToken);
            using var http = new HttpClient { BaseAddress = host.BaseAddress, Timeout = TimeSpan.FromMinutes(5) };
            http.DefaultRequestHeaders.Add("x-functions-key", Key);
            using var gleanHttp = new HttpClient { BaseAddress = gleanUrl };
            await output.WriteLineAsync($"host pid {host.ProcessId} on {host.BaseAddress}, Azurite pid {azurite.ProcessId}");

            // The estate was written before the host first ran, so the first overview read finds the projection never
            // built and projects the registry once; it is timed apart from the views' steady state.
            var first = await MeasureAsync(http, "api/operations/summary", 1, cancellationToken);
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"first overview read, projecting the registry once: {first[0].TotalMilliseconds:F0} ms"));
            // A host serving dashboards has its code compiled: each view is read a few times untimed first (the first of
            // those reads, on code not yet compiled, is printed apart), then timed.
            var cold = new List<string>();
            foreach (var (what, uri, _) in Views(seed))
            {
                var warmUp = await MeasureAsync(http, uri, WarmUpReads, cancellationToken);
                cold.Add(string.Create(CultureInfo.InvariantCulture, $"{what} {warmUp[0].TotalMilliseconds:F0} ms"));
            }

            await output.WriteLineAsync($"first read of each view after the host started (untimed below): {string.Join("; ", cold)}");
            await output.WriteLineAsync(Percentiles.Header);
            foreach (var (what, uri, count) in Views(seed))
            {
                await output.WriteLineAsync(Percentiles.Row(what, await MeasureAsync(http, uri, count, cancellationToken)));
            }

            var idleJourney = await JourneyAsync(http, "estate-idle", cancellationToken);
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"one journey (2 datasets), idle: request to READY {idleJourney.TotalSeconds:F1} s"));

            var (sweepLine, busyJourney) = await SweepAsync(http, gleanHttp, cancellationToken);
            await output.WriteLineAsync(sweepLine);
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"one journey (2 datasets) while the sweep runs: request to READY {busyJourney.TotalSeconds:F1} s ({(busyJourney / idleJourney - 1) * 100:+0;-0} % against idle; aim within 20 %)"));

            await output.WriteLineAsync(await OrphanScanAsync(azurite.ConnectionString, seed, now, cancellationToken));
            await output.WriteLineAsync(await PurgeAsync(azurite.ConnectionString, seed.Datasets, now, cancellationToken));
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"load average {LoadAverage()} at the end"));
        }
        finally
        {
            await glean.StopAsync(CancellationToken.None);
            await glean.DisposeAsync();
        }
    }

    private static Dictionary<string, string> HostSettings(string storage, Uri glean) => new()
    {
        ["AzureWebJobsStorage"] = storage,
        ["FunctionKeys:default"] = Key,
        ["Glean:BaseUrl"] = glean.ToString(),
        ["Glean:IndexingToken"] = IndexingToken,
        ["Glean:ClientToken"] = ClientToken,
        ["Glean:ValidationUser"] = GleanEmulatorOptions.DefaultSearchUser,
        ["extensions:durableTask:hubName"] = HubName,
        ["logging:logLevel:default"] = "Warning",
        ["logging:logLevel:DataOps"] = "Warning",

        // The suite starts the scans itself, one pass each.
        ["AzureWebJobs.HealthSweepTimer.Disabled"] = "true",
        ["AzureWebJobs.OrphanScanTimer.Disabled"] = "true",
        ["AzureWebJobs.RetentionPurge.Disabled"] = "true",
        ["AzureWebJobs.DatasetsByStageByClientReportTimer.Disabled"] = "true",
        ["AzureWebJobs.DataQualityTrendsReportTimer.Disabled"] = "true",
        ["AzureWebJobs.ConnectorHealthSummaryReportTimer.Disabled"] = "true",
        ["AzureWebJobs.OrphanedDatasetsCheckReportTimer.Disabled"] = "true",
    };

    private static IEnumerable<(string What, string Uri, int Count)> Views(EstateSeed seed) =>
    [
        ("operations summary (overview)", "api/operations/summary", 30),
        ("datasets, READY, first page of 100", "api/datasets?status=ready&pageSize=100", 30),
        ("datasets of one client", $"api/datasets?clientId={EstateSeeder.ClientOf(seed.Clients / 2)}", 30),
        ("success metrics, 30 days", "api/operations/metrics", 30),
        ("reports list", "api/reports", 10),
    ];

    private static async Task<IReadOnlyList<TimeSpan>> MeasureAsync(HttpClient http, string uri, int count, CancellationToken cancellationToken)
    {
        var samples = new List<TimeSpan>(count);
        for (var i = 0; i < count; i++)
        {
            var started = Stopwatch.GetTimestamp();
            using var response = await http.GetAsync(uri, cancellationToken);
            await response.Content.ReadAsByteArrayAsync(cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"GET {uri} answered {(int)response.StatusCode}");
            }

            samples.Add(Stopwatch.GetElapsedTime(started));
        }

        return samples;
    }

    /// <summary>Provisions a sandbox journey of two datasets and waits until both are READY; how long from the request.</summary>
    private static async Task<TimeSpan> JourneyAsync(HttpClient http, string journey, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var body = new { journeyId = journey, clientId = journey, clientName = journey, industry = "healthcare", useCase = "clinical_workflows", stage = "sandbox", datasetTypes = new[] { "confluence_pages", "jira_issues" }, requestedBy = "bench@example.com" };
        using (var response = await http.PostAsJsonAsync("api/datasets/provision", body, cancellationToken))
        {
            response.EnsureSuccessStatusCode();
        }

        var deadline = Stopwatch.GetTimestamp() + (long)(Stopwatch.Frequency * TimeSpan.FromMinutes(10).TotalSeconds);
        while (Stopwatch.GetTimestamp() < deadline)
        {
            var page = await http.GetFromJsonAsync<JsonElement>($"api/datasets?journeyId={journey}", cancellationToken);
            var items = page.GetProperty("items").EnumerateArray().ToList();
            if (items.Count == 2 && items.All(d => d.GetProperty("status").GetString() == "ready"))
            {
                return Stopwatch.GetElapsedTime(started);
            }

            if (items.Any(d => d.GetProperty("status").GetString() == "failed"))
            {
                throw new InvalidOperationException($"journey {journey}: a dataset failed");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250), cancellationToken);
        }

        throw new TimeoutException($"journey {journey} was not READY within 10 minutes");
    }

    /// <summary>
    /// Starts one health-sweep pass through the management API, runs a journey once the probes are under way, and
    /// waits for the pass; its coverage, duration and the Glean traffic it made.
    /// </summary>
    private static async Task<(string Line, TimeSpan Journey)> SweepAsync(HttpClient http, HttpClient glean, CancellationToken cancellationToken)
    {
        using (var clear = await glean.DeleteAsync("admin/requests", cancellationToken))
        {
            clear.EnsureSuccessStatusCode();
        }

        var input = new HealthSweepInput(10, TimeSpan.FromMinutes(2), HealthSweepInput.DefaultProbeBatchSize);
        var started = Stopwatch.GetTimestamp();
        using (var start = await http.PostAsJsonAsync("runtime/webhooks/durabletask/orchestrators/ConnectorHealthSweep/estate-sweep", input, cancellationToken))
        {
            start.EnsureSuccessStatusCode();
        }

        await WaitAsync(http, "estate-sweep", s => s.TryGetProperty("customStatus", out var status) && status.ValueKind == JsonValueKind.Object, TimeSpan.FromMinutes(5), cancellationToken);
        var journey = await JourneyAsync(http, "estate-busy", cancellationToken);
        var done = await WaitAsync(http, "estate-sweep", s => s.GetProperty("runtimeStatus").GetString() is "Completed" or "Failed", TimeSpan.FromMinutes(60), cancellationToken);
        var elapsed = Stopwatch.GetElapsedTime(started);
        var requests = (await glean.GetFromJsonAsync<JsonElement>("admin/requests", cancellationToken)).EnumerateArray().ToList();
        var statuses = requests.Where(r => r.GetProperty("path").GetString()!.Contains("/status", StringComparison.Ordinal)).ToList();
        var refused = requests.Count(r => r.GetProperty("status").GetInt32() == 429);
        var at = statuses.Select(r => r.GetProperty("at").GetDateTimeOffset()).Order().ToList();
        var probeWindow = at.Count > 1 ? (at[^1] - at[0]).TotalSeconds : 0;
        var coverage = done.GetProperty("output").GetProperty("coverage");
        var line = string.Create(CultureInfo.InvariantCulture,
            $"health sweep, one pass: {done.GetProperty("runtimeStatus").GetString()} in {elapsed.TotalSeconds:F0} s; READY {coverage.GetProperty("ready").GetInt32():N0}, probed {coverage.GetProperty("probed").GetInt32():N0}, skipped {coverage.GetProperty("skipped").GetInt32()}, unprobed {coverage.GetProperty("unprobed").GetInt32()}; " +
            $"{statuses.Count:N0} status requests over {probeWindow:F0} s = {(probeWindow > 0 ? statuses.Count / probeWindow : 0):F1}/s (budget 24/s, 80 % of 30); all Glean requests in the pass {requests.Count:N0}, 429s {refused}");
        return (line, journey);
    }

    private static async Task<JsonElement> WaitAsync(HttpClient http, string instanceId, Func<JsonElement, bool> until, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(Stopwatch.Frequency * timeout.TotalSeconds);
        while (Stopwatch.GetTimestamp() < deadline)
        {
            using var response = await http.GetAsync($"runtime/webhooks/durabletask/instances/{instanceId}", cancellationToken);
            if (response.IsSuccessStatusCode)
            {
                var status = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
                if (until(status))
                {
                    return status;
                }
            }

            await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
        }

        throw new TimeoutException($"instance {instanceId} did not get there within {timeout}");
    }

    /// <summary>Completes one journey in a hundred and runs the orphan scan's finder (the activity itself, in this process).</summary>
    private static async Task<string> OrphanScanAsync(string storage, EstateSeed seed, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var tables = Tables(storage);
        var registry = new DatasetRegistry(tables, new AuditLog(tables, Options.Create(new RegistryOptions())));
        var journeys = new JourneyProjectionStore(tables);
        var completed = seed.JourneyIds.Where((_, i) => i % 100 == 0).ToList();
        foreach (var journey in completed)
        {
            await journeys.ApplyAsync(journey, "estate", null, completed: true, now.AddMinutes(1), cancellationToken);
        }

        var finder = new FindOrphans(new RegistryScans(registry), journeys);
        var started = Stopwatch.GetTimestamp();
        var result = await finder.RunAsync(new BenchmarkActivityContext(), new OrphanScanInput(now.AddDays(2), TimeSpan.FromHours(24), TimeSpan.FromHours(24)));
        var elapsed = Stopwatch.GetElapsedTime(started);
        return string.Create(CultureInfo.InvariantCulture,
            $"orphan scan (finder): {result.Examined:N0} datasets examined, {result.DatasetIds.Count} orphans of {completed.Count} completed journeys, in {elapsed.TotalSeconds:F1} s");
    }

    /// <summary>Writes two audit entries per dataset dated 100 days back and one recent, then times the purge.</summary>
    private static async Task<string> PurgeAsync(string storage, int datasets, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var tables = Tables(storage);
        var audit = new AuditLog(tables, Options.Create(new RegistryOptions()));
        var seeding = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, datasets), new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken }, async (i, ct) =>
        {
            var stream = $"estate-{i:D5}";
            await tables.Audit.SubmitTransactionAsync(
                new[] { now.AddDays(-100), now.AddDays(-99), now.AddDays(-1) }.Select((at, k) => new TableTransactionAction(
                    TableTransactionActionType.UpsertReplace,
                    new TableEntity(stream, "old~" + k.ToString(CultureInfo.InvariantCulture)) { ["EventId"] = $"{stream}-{k}", ["EventType"] = "DatasetProvisionCompleted", ["OccurredAt"] = at, ["Payload"] = "{}", ["Published"] = true })),
                ct);
        });
        seeding.Stop();
        var started = Stopwatch.GetTimestamp();
        var purged = await audit.PurgeExpiredAsync(now, cancellationToken);
        var elapsed = Stopwatch.GetElapsedTime(started);
        return string.Create(CultureInfo.InvariantCulture,
            $"retention purge: {purged:N0} audit entries past 90 days deleted in {elapsed.TotalSeconds:F1} s ({purged / Math.Max(elapsed.TotalSeconds, 0.001):F0}/s), the recent ones kept; {datasets * 3:N0} entries written in {seeding.Elapsed.TotalSeconds:F0} s first");
    }

    private static RegistryTables Tables(string storage) =>
        new(new TableServiceClient(storage), new QueueServiceClient(storage), Options.Create(new RegistryOptions()));

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(" / ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    private sealed class BenchmarkActivityContext : TaskActivityContext
    {
        public override TaskName Name => nameof(FindOrphans);

        public override string InstanceId => "estate-orphan-scan";
    }
}
