using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using DataOps.Tests.Infrastructure;

namespace DataOps.Benchmarks.Load;

/// <summary>
/// The product's function host as its own process, started from its build folder
/// (<c>dotnet DataOps.LocalHost.dll</c>, settings in environment variables), on a free port of
/// 127.0.0.1, with <see cref="HostProbe"/> loaded as a startup hook so its requests and memory can be read.
/// Stopped by its own pid on dispose, at process exit, and by a watchdog if the benchmark is killed.
/// </summary>
internal sealed class ProductHostProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartupDeadline = TimeSpan.FromSeconds(90);
    private readonly OwnedProcess _owned;
    private readonly Queue<string> _log = new();
    private readonly SemaphoreSlim _probeGate = new(1, 1);
    private TaskCompletionSource<string>? _probeAnswer;

    private ProductHostProcess(Process process, Uri baseAddress)
    {
        _owned = new OwnedProcess(process);
        BaseAddress = baseAddress;
        process.OutputDataReceived += (_, e) => OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => OnLine(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public int ProcessId => _owned.Process.Id;

    public Uri BaseAddress { get; }

    /// <summary>
    /// Starts the host built next to this benchmark (same configuration and target framework) with
    /// <paramref name="settings"/> as environment variables (<c>:</c> written as <c>__</c>) and waits until
    /// <c>GET /api/health</c> answers 200.
    /// </summary>
    public static async Task<ProductHostProcess> StartAsync(IReadOnlyDictionary<string, string> settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var build = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var folder = Path.Combine(RepositoryRoot.Find(), "DataOps.LocalHost", "bin", build.Parent!.Name, build.Name);
        var assembly = Path.Combine(folder, "DataOps.LocalHost.dll");
        if (!File.Exists(assembly))
        {
            throw new InvalidOperationException($"The function host is not built ({assembly} is missing): run 'dotnet build DataOps.sln -c {build.Parent.Name}' first.");
        }

        var port = PortAllocator.GetFreePorts(1)[0];
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = folder,
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        info.ArgumentList.Add(assembly);
        foreach (var (key, value) in settings)
        {
            info.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        info.Environment["Host__Urls"] = string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}");
        info.Environment["DOTNET_STARTUP_HOOKS"] = typeof(HostProbe).Assembly.Location;
        var host = new ProductHostProcess(Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start"), new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}/")));
        try
        {
            await host.WaitUntilHealthyAsync(cancellationToken);
            return host;
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
    }

    /// <summary>Asks the probe in the host for its figures; <paramref name="fullCollection"/> adds the heap after a full collection.</summary>
    public async Task<HostProbeReport> ProbeAsync(bool fullCollection, CancellationToken cancellationToken)
    {
        await _probeGate.WaitAsync(cancellationToken);
        try
        {
            var answer = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
            Volatile.Write(ref _probeAnswer, answer);
            await _owned.Process.StandardInput.WriteLineAsync(fullCollection ? HostProbe.MemoryCommand : HostProbe.ReportCommand);
            await _owned.Process.StandardInput.FlushAsync(cancellationToken);
            var json = await answer.Task.WaitAsync(TimeSpan.FromSeconds(30), cancellationToken);
            return JsonSerializer.Deserialize<HostProbeReport>(json, HostProbe.Json) ?? throw new InvalidOperationException("empty probe answer");
        }
        catch (TimeoutException ex)
        {
            throw new InvalidOperationException($"The probe in the host did not answer (was it loaded?). Host output:{Environment.NewLine}{Output()}", ex);
        }
        finally
        {
            _probeGate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _owned.DisposeAsync();
        _probeGate.Dispose();
    }

    private async Task WaitUntilHealthyAsync(CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(10) };
        await _owned.WaitUntilReadyAsync(
            async ct =>
            {
                try
                {
                    using var response = await http.GetAsync(new Uri("api/health", UriKind.Relative), ct);
                    return response.IsSuccessStatusCode;
                }
                catch (HttpRequestException)
                {
                    return false; // Not listening yet.
                }
            },
            "the function host was healthy",
            StartupDeadline,
            () => $"Output:{Environment.NewLine}{Output()}",
            cancellationToken);
    }

    private void OnLine(string? line)
    {
        if (line is null)
        {
            return;
        }

        if (line.StartsWith(HostProbe.Marker, StringComparison.Ordinal))
        {
            Volatile.Read(ref _probeAnswer)?.TrySetResult(line[HostProbe.Marker.Length..]);
            return;
        }

        lock (_log)
        {
            _log.Enqueue(line);
            while (_log.Count > 200)
            {
                _log.Dequeue();
            }
        }
    }

    private string Output()
    {
        lock (_log)
        {
            return string.Join(Environment.NewLine, _log);
        }
    }
}
