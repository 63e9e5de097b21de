using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using DataOps.Testing;

namespace DataOps.Chaos;

/// <summary>
/// Everything the run starts: Azurite with on-disk persistence, the Glean emulator and two function hosts, each a
/// separate process on its own port. Hosts can be SIGKILLed and started again; Azurite can be restarted on the same
/// ports and store. Everything is stopped by its own pid on dispose.
/// </summary>
internal sealed class ChaosCluster : IAsyncDisposable
{
    public const string FunctionKey = "chaos-function-key";

    /// <summary>The health sweep's schedule in the hosts: every 15 s, so its repairs happen within the run.</summary>
    public const string SweepSchedule = "*/15 * * * * *";

    /// <summary>How long a dataset must stand still, with no workflow of its running, before the sweep repairs it.</summary>
    public static readonly TimeSpan StallAge = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Calls a Glean API pipeline needs within its 30 s sampling window before its circuit may open (the adapter's default
    /// is 20). Low, as in a busy deployment, so a total outage opens the circuit within seconds and a quality check's retry
    /// budget (five attempts, 30 s of durable back-off) is spent in about a minute instead of ten minutes of sequential
    /// sample queries each retried for a minute.
    /// </summary>
    public const int CircuitMinimumThroughput = 4;

    private static readonly TimeSpan StartDeadline = TimeSpan.FromSeconds(90);

    private readonly ChaosOptions _options;
    private readonly string _workDir;
    private readonly string _hostDir;
    private readonly DotnetChildProcess?[] _hosts = new DotnetChildProcess?[2];
    private readonly int[] _hostPorts;
    private readonly Lock _lock = new();
    private AzuriteProcess? _azurite;
    private DotnetChildProcess? _emulator;

    private ChaosCluster(ChaosOptions options, string workDir, string hostDir, int[] hostPorts, Uri gleanUrl)
    {
        _options = options;
        _workDir = workDir;
        _hostDir = hostDir;
        _hostPorts = hostPorts;
        GleanUrl = gleanUrl;
        HostUrls = [.. hostPorts.Select(p => new Uri($"http://127.0.0.1:{p}/"))];
    }

    public string ConnectionString => _azurite?.ConnectionString ?? throw new InvalidOperationException("Azurite is not running.");

    public Uri GleanUrl { get; }

    public IReadOnlyList<Uri> HostUrls { get; }

    public string AzuriteLocation => Path.Combine(_workDir, "azurite");

    public string WorkDirectory => _workDir;

    public static async Task<ChaosCluster> StartAsync(ChaosOptions options, TextWriter log, CancellationToken cancellationToken)
    {
        var root = RepositoryRoot.Find();
        var configuration = typeof(ChaosCluster).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Release";
        var hostDir = Path.Combine(root, "DataOps.LocalHost", "bin", configuration, "net10.0");
        var workDir = options.WorkDirectory ?? Path.Combine(root, ".run", "chaos", DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture));
        Directory.CreateDirectory(workDir);
        var ports = PortAllocator.GetFreePorts(3);
        var cluster = new ChaosCluster(options, workDir, hostDir, [ports[0], ports[1]], new Uri($"http://127.0.0.1:{ports[2]}/"));
        try
        {
            cluster._azurite = await AzuriteProcess.StartAsync(new AzuriteOptions { Location = cluster.AzuriteLocation }, cancellationToken);
            var emulatorDll = Path.Combine(root, "DataOps.GleanEmulator", "bin", configuration, "net10.0", "DataOps.GleanEmulator.dll");
            cluster._emulator = DotnetChildProcess.StartDotnet(
                "glean-emulator", emulatorDll, ["--urls", cluster.GleanUrl.ToString().TrimEnd('/'), "--Emulator:RequestLogCapacity", "5000000"], new Dictionary<string, string>(),
                Path.GetDirectoryName(emulatorDll)!, Path.Combine(workDir, "glean-emulator.log"));
            await cluster._emulator.WaitListeningAsync(ports[2], StartDeadline, cancellationToken);
            await Task.WhenAll(cluster.StartHostAsync(0, cancellationToken), cluster.StartHostAsync(1, cancellationToken));
            await log.WriteLineAsync($"azurite pid {cluster._azurite.ProcessId} (store {cluster.AzuriteLocation}), glean emulator pid {cluster._emulator.ProcessId} on {cluster.GleanUrl}, hosts on {string.Join(", ", cluster.HostUrls)}");
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    /// <summary>Starts host <paramref name="index"/> (0 or 1) and waits until it answers HTTP.</summary>
    public async Task StartHostAsync(int index, CancellationToken cancellationToken)
    {
        var environment = new Dictionary<string, string>
        {
            ["AzureWebJobsStorage"] = ConnectionString,
            ["Host__Urls"] = $"http://127.0.0.1:{_hostPorts[index]}",
            ["FunctionKeys__default"] = FunctionKey,
            ["Glean__BaseUrl"] = GleanUrl.ToString(),
            ["DataOps__Teardown__GracePeriod"] = _options.GracePeriod.ToString("c", CultureInfo.InvariantCulture),
            ["DataOps__HealthSweep__Schedule"] = SweepSchedule,
            ["DataOps__HealthSweep__StallAge"] = StallAge.ToString("c", CultureInfo.InvariantCulture),
            ["Glean__CircuitMinimumThroughput"] = CircuitMinimumThroughput.ToString(CultureInfo.InvariantCulture),
            ["AzureFunctionsWebHost__hostid"] = "dataops-chaos",
            ["logging__logLevel__default"] = "Warning",
            ["DOTNET_gcServer"] = "0",
        };
        var name = index == 0 ? "host-a" : "host-b";
        var host = DotnetChildProcess.StartDotnet(
            name, Path.Combine(_hostDir, "DataOps.LocalHost.dll"), [], environment, _hostDir, Path.Combine(_workDir, name + ".log"));
        lock (_lock)
        {
            _hosts[index] = host;
        }

        await host.WaitListeningAsync(_hostPorts[index], StartDeadline, cancellationToken);
    }

    /// <summary>SIGKILLs host <paramref name="index"/>; returns its pid.</summary>
    public async Task<int> KillHostAsync(int index)
    {
        DotnetChildProcess? host;
        lock (_lock)
        {
            host = _hosts[index];
            _hosts[index] = null;
        }

        if (host is null)
        {
            return 0;
        }

        var pid = host.ProcessId;
        await host.KillAsync();
        return pid;
    }

    /// <summary>Stops Azurite with SIGTERM (its store is flushed) and starts it again on the same ports and store.</summary>
    public async Task<TimeSpan> RestartAzuriteAsync(CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        var old = _azurite ?? throw new InvalidOperationException("Azurite is not running.");
        var ports = old.Ports;
        await old.StopGracefullyAsync(TimeSpan.FromSeconds(30));
        _azurite = await AzuriteProcess.StartAsync(new AzuriteOptions { Location = AzuriteLocation, Ports = ports }, cancellationToken);
        return watch.Elapsed;
    }

    /// <summary>The pids of the hosts running now (for the report).</summary>
    public IReadOnlyList<int> RunningHostPids()
    {
        lock (_lock)
        {
            return [.. _hosts.Where(h => h is { HasExited: false }).Select(h => h!.ProcessId)];
        }
    }

    public async ValueTask DisposeAsync()
    {
        for (var i = 0; i < _hosts.Length; i++)
        {
            DotnetChildProcess? host;
            lock (_lock)
            {
                host = _hosts[i];
                _hosts[i] = null;
            }

            if (host is not null)
            {
                await host.DisposeAsync();
            }
        }

        if (_emulator is not null)
        {
            await _emulator.DisposeAsync();
        }

        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
        }
    }
}
