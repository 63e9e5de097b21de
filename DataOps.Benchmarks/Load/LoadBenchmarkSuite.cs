using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using DataOps.Benchmarks.Durable;
using DataOps.Benchmarks.Storage;
using DataOps.Benchmarks.Workflows;
using DataOps.GleanEmulator;
using DataOps.Testing;
using Microsoft.Extensions.Logging;

namespace DataOps.Benchmarks.Load;

/// <summary>
/// The load run, all in one invocation: Azurite's raw ceiling (<see cref="StorageCeiling"/>), the engine figures
/// (<see cref="DurableEngineMeasurement"/>), registry reads at 10,000 datasets (<see cref="RegistryMeasurement"/>), and
/// provisioning at 1, 10 and 40 concurrent sandbox journeys of two dataset types each against the product host as
/// its own process (<see cref="ProductHostProcess"/>) and the Glean emulator over HTTP, with the storage requests the
/// host issued at each level set against the ceiling of their operation mix, what limited each level, and the host's
/// memory after the run. Ends with one summary table (also written as markdown with <c>--report PATH</c>).
/// <c>--quick</c> runs 1, 2 and 4 journeys and 1,000 datasets, for development only.
/// </summary>
public sealed class LoadBenchmarkSuite : IBenchmarkSuite
{
    /// <summary>The two sandbox dataset types of every journey (500 and 300 mock records).</summary>
    public static readonly IReadOnlyList<string> JourneyTypes = ["confluence_pages", "jira_issues"];

    private const string Key = "load-bench-key";
    private const string HubName = "LoadHub";
    private const string IndexingToken = "load-indexing-token";
    private const string ClientToken = "load-client-token";
    private static readonly int[] FullLevels = [1, 10, 40];
    private static readonly int[] QuickLevels = [1, 2, 4];

    /// <inheritdoc />
    public string Name => "load";

    /// <inheritdoc />
    public string Description => "one run: storage ceiling, engine, registry at 10,000, provisioning at 1/10/40 journeys vs the ceiling, host memory";

    /// <inheritdoc />
    public async Task RunAsync(TextWriter output, BenchmarkOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(options);
        var levels = options.Quick ? QuickLevels : FullLevels;
        var datasets = options.Quick ? RegistryMeasurement.QuickDatasets : RegistryMeasurement.FullDatasets;
        var started = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        if (options.Quick)
        {
            await output.WriteLineAsync($"--quick: {string.Join("/", levels)} journeys and {datasets:N0} datasets; for development, not for publication");
        }

        await output.WriteLineAsync("-- 1/4 storage ceiling");
        var ceiling = await StorageCeiling.MeasureAsync(cancellationToken);
        await ceiling.WriteAsync(output);

        await output.WriteLineAsync("-- 2/4 durable engine");
        var (sequential, fanOut, many) = await DurableEngineMeasurement.RunAsync(cancellationToken);
        foreach (var phase in new[] { sequential, fanOut, many })
        {
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{phase.Name}: {phase.Activities} activities in {phase.Seconds:F1} s, {phase.StorageCalls} storage calls ({phase.Traffic.Describe()}), Azurite CPU {Pct(phase.AzuriteCpuShare)}"));
        }

        await output.WriteLineAsync($"-- 3/4 registry with {datasets:N0} datasets");
        var registry = await RegistryMeasurement.RunAsync(datasets, cancellationToken);
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"seeded in {registry.Seeding.TotalSeconds:F1} s"));

        await output.WriteLineAsync($"-- 4/4 provisioning at {string.Join(", ", levels)} concurrent journeys x {JourneyTypes.Count} types ({string.Join(" + ", JourneyTypes)})");
        var provisioning = await ProvisionAsync(output, levels, ceiling, cancellationToken);

        var table = Summary(ceiling, sequential, fanOut, many, registry, provisioning);
        await output.WriteLineAsync();
        await output.WriteLineAsync(table);
        if (options.ReportPath is { } path)
        {
            var report = new StringBuilder()
                .AppendLine(CultureInfo.InvariantCulture, $"# Load run{(options.Quick ? " (--quick: development sizes, not for publication)" : string.Empty)}")
                .AppendLine()
                .AppendLine(CultureInfo.InvariantCulture, $"Started {started:yyyy-MM-dd HH:mm} UTC, took {clock.Elapsed.TotalMinutes:F1} min; {Environment.ProcessorCount} cores; .NET {Environment.Version}.")
                .AppendLine(CultureInfo.InvariantCulture, $"`dotnet run -c Release --project DataOps.Benchmarks -- load{(options.Quick ? " --quick" : string.Empty)} --report {path}`")
                .AppendLine()
                .AppendLine(table);
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            await File.WriteAllTextAsync(path, report.ToString(), cancellationToken);
            await output.WriteLineAsync($"report written to {path}");
        }
    }

    private static async Task<ProvisioningFigures> ProvisionAsync(
        TextWriter output, int[] levels, StorageCeiling ceiling, CancellationToken cancellationToken)
    {
        await using var azurite = await AzuriteProcess.StartAsync(cancellationToken);
        var emulatorOptions = new GleanEmulatorOptions();
        var glean = GleanEmulatorApp.Build(["--urls", "http://127.0.0.1:0"], o =>
        {
            o.MinimumLogLevel = LogLevel.Warning;
            o.IndexingTokens = IndexingToken;
            o.ClientTokens = $"{ClientToken}={GleanEmulatorOptions.DefaultSearchUser}";
            emulatorOptions = o;
        });
        await glean.StartAsync(cancellationToken);
        try
        {
            await using var host = await ProductHostProcess.StartAsync(
                new Dictionary<string, string>
                {
                    ["AzureWebJobsStorage"] = azurite.ConnectionString,
                    ["FunctionKeys:default"] = Key,
                    ["Glean:BaseUrl"] = glean.Urls.Single(),
                    ["Glean:IndexingToken"] = IndexingToken,
                    ["Glean:ClientToken"] = ClientToken,
                    ["extensions:durableTask:hubName"] = HubName,
                    ["logging:logLevel:default"] = "Warning",
                    ["logging:logLevel:DataOps"] = "Warning",
                },
                cancellationToken);
            await output.WriteLineAsync($"host pid {host.ProcessId} on {host.BaseAddress}, Azurite pid {azurite.ProcessId}");
            using var http = new HttpClient { BaseAddress = host.BaseAddress, Timeout = TimeSpan.FromMinutes(2) };
            http.DefaultRequestHeaders.Add("x-functions-key", Key);
            using var gleanHttp = new HttpClient { BaseAddress = new Uri(glean.Urls.Single()) };
            var level = new Level(host, azurite, http, gleanHttp, ceiling, emulatorOptions.SearchRequestsPerSecond);

            var warm = await level.RunAsync("warm", 1, cancellationToken);
            await output.WriteLineAsync(warm.Describe("warm-up (first journey after start)"));
            var idle = await level.IdleAsync(TimeSpan.FromSeconds(10), cancellationToken);
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"idle host: storage {idle.StorageRate:F0}/s ({idle.Traffic.Describe()}), CPU host {Pct(idle.HostCpu)} Azurite {Pct(idle.AzuriteCpu)}"));
            var results = new List<LevelFigures>();
            foreach (var journeys in levels)
            {
                var figures = await level.RunAsync(string.Create(CultureInfo.InvariantCulture, $"l{journeys}"), journeys, cancellationToken);
                results.Add(figures);
                await output.WriteLineAsync(figures.Describe(Journeys(journeys)));
            }

            var memory = await host.ProbeAsync(fullCollection: true, cancellationToken);
            return new ProvisioningFigures(warm, idle, results, memory, host.ProcessId);
        }
        finally
        {
            await glean.StopAsync(CancellationToken.None);
            await glean.DisposeAsync();
        }
    }

    private static string Summary(
        StorageCeiling ceiling, DurablePhase sequential, DurablePhase fanOut, DurablePhase many, RegistryFigures registry, ProvisioningFigures provisioning)
    {
        var (warm, idle, levels, memory, hostPid) = provisioning;
        var rows = new List<(string Area, string Figure, string Value, string Versus)>();
        foreach (var operation in ceiling.Measurements.Select(m => m.Operation).Distinct())
        {
            var byInFlight = ceiling.Measurements.Where(m => m.Operation == operation).Select(m => $"{F0(m.OperationsPerSecond)}/s at {m.InFlight}");
            rows.Add(("storage ceiling", operation, string.Join(", ", byInFlight), "-"));
        }

        foreach (var phase in new[] { sequential, fanOut })
        {
            var mix = ceiling.MixCeiling(phase.Traffic);
            rows.Add(("durable engine", $"{phase.Name} activities/s ({phase.Activities:N0})", F1(phase.ActivitiesPerSecond),
                $"{F0(phase.CallsPerSecond)} round trips/s = {Pct(phase.CallsPerSecond / mix)} of the mix ceiling {F0(mix)}/s; Azurite CPU {Pct(phase.AzuriteCpuShare)}"));
            rows.Add(("durable engine", $"round trips per {phase.Name} activity", F1(phase.CallsPerActivity), "aim <= 6"));
        }

        var manyMix = ceiling.MixCeiling(many.Traffic);
        rows.Add(("durable engine", $"orchestrations of 5 activities/s ({DurableEngineMeasurement.Orchestrations})", F1(DurableEngineMeasurement.Orchestrations / many.Seconds),
            $"{F0(many.CallsPerSecond)} round trips/s = {Pct(many.CallsPerSecond / manyMix)} of the mix ceiling {F0(manyMix)}/s; Azurite CPU {Pct(many.AzuriteCpuShare)}"));
        rows.Add(("durable engine", "round trips per activity, many orchestrations", F1(many.CallsPerActivity), "aim <= 6"));

        rows.Add(("registry", $"seed {registry.Datasets:N0} datasets through the registry", $"{F1(registry.Seeding.TotalSeconds)} s ({F0(registry.Datasets / registry.Seeding.TotalSeconds)}/s)", $"{registry.SeedingInFlight} in flight"));
        foreach (var (read, samples) in registry.Reads)
        {
            var p = Percentiles.Of(samples);
            rows.Add(("registry", $"{read}, p95 (p50)", $"{F1(p.P95Ms)} ms ({F1(p.P50Ms)} ms)", "aim p95 <= 100 ms"));
        }

        rows.Add(("provisioning, idle host", $"storage requests/s issued by the host ({F0(idle.Seconds)} s, no journey)", F0(idle.StorageRate),
            $"{Pct(idle.StorageRate / ceiling.MixCeiling(idle.Traffic))} of the mix ceiling ({idle.Traffic.Describe()}); CPU host {Pct(idle.HostCpu)}, Azurite {Pct(idle.AzuriteCpu)}"));
        foreach (var figures in levels.Prepend(warm))
        {
            var area = figures == warm ? "provisioning, warm-up" : $"provisioning, {Journeys(figures.Journeys)}";
            var latency = Percentiles.Of(figures.Result.ReadyLatencies);
            rows.Add((area, "datasets READY", $"{figures.Result.Ready} of {figures.Result.Requested} in {F1(figures.Seconds)} s", figures.Result.Ready == figures.Result.Requested ? "-" : "NOT ALL READY"));
            rows.Add((area, "throughput, datasets READY/s", F2(figures.Result.ReadyPerSecond), $"Glean bound {F2(figures.SearchLimit / 10.0)}/s (10 searches per dataset at {figures.SearchLimit}/s)"));
            rows.Add((area, "request-to-READY per dataset, p50 / p95", $"{F1(latency.P50Ms / 1000)} s / {F1(latency.P95Ms / 1000)} s", "-"));
            rows.Add((area, "storage requests/s issued by the host", F0(figures.StorageRate), $"{Pct(figures.StorageRatio)} of the mix ceiling {F0(figures.MixCeiling)}/s ({figures.Traffic.Describe()})"));
            rows.Add((area, "Glean searches/s", F2(figures.SearchRate), $"{Pct(figures.SearchRate / figures.SearchLimit)} of the {figures.SearchLimit}/s limit"));
            rows.Add((area, "CPU (share of one core)", $"Azurite {Pct(figures.AzuriteCpu)}, host {Pct(figures.HostCpu)}, benchmark + emulator {Pct(figures.BenchmarkCpu)}", $"machine {Pct(figures.MachineCpu)} of {Environment.ProcessorCount} cores"));
            rows.Add((area, "what limits it", figures.Limit, "-"));
        }

        rows.Add(("host memory after the run", $"working set (pid {hostPid}, one host process)", Mb(memory.WorkingSetBytes), $"peak {Mb(memory.PeakWorkingSetBytes)}"));
        rows.Add(("host memory after the run", "GC heap (managed) as the run left it", Mb(memory.GcHeapBytes), $"committed {Mb(memory.GcCommittedBytes)}; {(memory.ServerGc ? "server" : "workstation")} GC"));
        rows.Add(("host memory after the run", "GC heap after a full compacting collection", Mb(memory.GcHeapAfterFullCollectionBytes ?? 0), $"working set then {Mb(memory.WorkingSetAfterFullCollectionBytes ?? 0)}"));

        var text = new StringBuilder()
            .AppendLine("| area | figure | value | against the ceiling or limit |")
            .AppendLine("| --- | --- | --- | --- |");
        foreach (var (area, figure, value, versus) in rows)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| {area} | {figure} | {value} | {versus} |");
        }

        return text.ToString().TrimEnd();
    }

    private static string Journeys(int count) => count == 1 ? "1 journey" : $"{count} journeys";

    private static string F0(double value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string F1(double value) => value.ToString("F1", CultureInfo.InvariantCulture);

    private static string F2(double value) => value.ToString("F2", CultureInfo.InvariantCulture);

    private static string Pct(double share) => double.IsFinite(share) ? (share * 100).ToString("F0", CultureInfo.InvariantCulture) + "%" : "-";

    private static string Mb(long bytes) => (bytes / 1024.0 / 1024.0).ToString("F0", CultureInfo.InvariantCulture) + " MiB";

    /// <summary>Runs one level of journeys and measures what it used while it ran.</summary>
    private sealed class Level(
        ProductHostProcess host, AzuriteProcess azurite, HttpClient http, HttpClient glean, StorageCeiling ceiling, int searchLimit)
    {
        public async Task<LevelFigures> RunAsync(string prefix, int journeys, CancellationToken cancellationToken)
        {
            // Glean's search limit bounds validation: 10 queries per dataset; allow three times that plus start-up.
            var timeout = TimeSpan.FromSeconds((journeys * JourneyTypes.Count * 10.0 / searchLimit * 3) + 180);
            var start = await SampleAsync(cancellationToken);
            Sample? end = null;
            var result = await JourneyLoad.RunAsync(http, q => ManagementApiInstances.QueryAsync(http, q, cancellationToken), prefix, journeys, JourneyTypes, timeout, async () => end = await SampleAsync(cancellationToken), cancellationToken);
            var searches = await SearchesAsync(start.At, end!.At, cancellationToken);
            var seconds = (end.At - start.At).TotalSeconds;
            var traffic = StorageTraffic.Between(start.Host.Requests, end.Host.Requests, azurite);
            return new LevelFigures(
                journeys, result, seconds, traffic, ceiling.MixCeiling(traffic), searches / seconds, searchLimit,
                (end.Host.CpuSeconds - start.Host.CpuSeconds) / seconds, (end.Azurite - start.Azurite).TotalSeconds / seconds, (end.Self - start.Self).TotalSeconds / seconds);
        }

        public async Task<IdleFigures> IdleAsync(TimeSpan span, CancellationToken cancellationToken)
        {
            var start = await SampleAsync(cancellationToken);
            await Task.Delay(span, cancellationToken); // the interval being measured, not a synchronisation wait
            var end = await SampleAsync(cancellationToken);
            var seconds = (end.At - start.At).TotalSeconds;
            return new IdleFigures(
                seconds, StorageTraffic.Between(start.Host.Requests, end.Host.Requests, azurite),
                (end.Host.CpuSeconds - start.Host.CpuSeconds) / seconds, (end.Azurite - start.Azurite).TotalSeconds / seconds);
        }

        private async Task<Sample> SampleAsync(CancellationToken cancellationToken)
        {
            var report = await host.ProbeAsync(fullCollection: false, cancellationToken);
            using var self = Process.GetCurrentProcess();
            return new Sample(DateTimeOffset.UtcNow, report, azurite.CpuTime(), self.TotalProcessorTime);
        }

        private async Task<int> SearchesAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
        {
            var served = await glean.GetFromJsonAsync<JsonElement>("admin/requests", cancellationToken);
            return served.EnumerateArray().Count(r =>
                r.GetProperty("path").GetString()?.EndsWith("/search", StringComparison.Ordinal) == true
                && r.GetProperty("at").GetDateTimeOffset() is var at && at >= from && at <= to);
        }
    }

    private sealed record Sample(DateTimeOffset At, HostProbeReport Host, TimeSpan Azurite, TimeSpan Self);

    /// <summary>What the host does with no journey running: its polling.</summary>
    private sealed record IdleFigures(double Seconds, StorageTraffic Traffic, double HostCpu, double AzuriteCpu)
    {
        public double StorageRate => Traffic.Total / Seconds;
    }

    private sealed record ProvisioningFigures(LevelFigures Warm, IdleFigures Idle, List<LevelFigures> Levels, HostProbeReport Memory, int HostPid);

    /// <summary>One level's figures; rates are per second of the level's window (first request to last journey done).</summary>
    private sealed record LevelFigures(
        int Journeys, JourneyLoadResult Result, double Seconds, StorageTraffic Traffic, double MixCeiling, double SearchRate, int SearchLimit,
        double HostCpu, double AzuriteCpu, double BenchmarkCpu)
    {
        public double StorageRate => Traffic.Total / Seconds;

        public double StorageRatio => StorageRate / MixCeiling;

        public double MachineCpu => (HostCpu + AzuriteCpu + BenchmarkCpu) / Environment.ProcessorCount;

        /// <summary>The most used of the candidate limits, or none when none is at least 80 % used.</summary>
        public string Limit
        {
            get
            {
                var (name, share) = new[]
                {
                    ("Glean's search limit", SearchRate / SearchLimit),
                    ("Azurite's single thread", AzuriteCpu),
                    ("storage mix ceiling", StorageRatio),
                    ("machine CPU", MachineCpu),
                }.MaxBy(c => c.Item2);
                return share >= 0.8
                    ? $"{name} ({Pct(share)} used)"
                    : $"no resource saturated (most used: {name}, {Pct(share)}): the journeys' own step latency";
            }
        }

        public string Describe(string what) => string.Create(
            CultureInfo.InvariantCulture,
            $"{what}: {Result.Ready}/{Result.Requested} READY in {Seconds:F1} s, {Result.ReadyPerSecond:F2}/s, p50/p95 {Percentiles.Of(Result.ReadyLatencies).P50Ms / 1000:F1}/{Percentiles.Of(Result.ReadyLatencies).P95Ms / 1000:F1} s; storage {StorageRate:F0}/s ({Pct(StorageRatio)}), searches {SearchRate:F2}/s, CPU Azurite {Pct(AzuriteCpu)} host {Pct(HostCpu)}; limit: {Limit}");
    }
}
