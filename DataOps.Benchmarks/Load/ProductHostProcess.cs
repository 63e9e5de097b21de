using System.Text.Json;
using DataOps.Testing;

namespace DataOps.Benchmarks.Load;

/// <summary>
/// The product's function host as its own process (<see cref="LocalHostProcess"/>: its build folder, settings in
/// environment variables, stopped by its own pid), on a free port of 127.0.0.1, with <see cref="HostProbe"/> loaded as
/// a startup hook so its requests and memory can be read over its standard input and output.
/// </summary>
internal sealed class ProductHostProcess : IAsyncDisposable
{
    private readonly SemaphoreSlim _probeGate = new(1, 1);
    private LocalHostProcess? _host;
    private TaskCompletionSource<string>? _probeAnswer;

    private ProductHostProcess()
    {
    }

    public int ProcessId => Host.ProcessId;

    public Uri BaseAddress => Host.BaseAddress;

    private LocalHostProcess Host => _host ?? throw new InvalidOperationException("The host has not started.");

    /// <summary>
    /// Starts the host built next to this benchmark (same configuration and target framework) with
    /// <paramref name="settings"/> and the probe, and waits until <c>GET /api/health</c> answers 200.
    /// </summary>
    public static async Task<ProductHostProcess> StartAsync(IReadOnlyDictionary<string, string> settings, CancellationToken cancellationToken)
    {
        var product = new ProductHostProcess();
        try
        {
            product._host = await LocalHostProcess.StartAsync(
                "the function host",
                PortAllocator.GetFreePorts(1)[0],
                settings,
                functionKey: null,
                cancellationToken,
                new LocalHostProcessOptions
                {
                    Environment = new Dictionary<string, string> { ["DOTNET_STARTUP_HOOKS"] = typeof(HostProbe).Assembly.Location },
                    RedirectStandardInput = true,
                    HandleLine = product.OnProbeLine,
                });
            return product;
        }
        catch
        {
            await product.DisposeAsync();
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
            await Host.StandardInput.WriteLineAsync(fullCollection ? HostProbe.MemoryCommand : HostProbe.ReportCommand);
            await Host.StandardInput.FlushAsync(cancellationToken);
            var json = await answer.Task.WaitAsync(TimeSpan.FromSeconds(30), cancellationToken);
            return JsonSerializer.Deserialize<HostProbeReport>(json, HostProbe.Json) ?? throw new InvalidOperationException("empty probe answer");
        }
        catch (TimeoutException ex)
        {
            throw new InvalidOperationException($"The probe in the host did not answer (was it loaded?). Host output:{Environment.NewLine}{Host.Output()}", ex);
        }
        finally
        {
            _probeGate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        _probeGate.Dispose();
    }

    private bool OnProbeLine(string line)
    {
        if (!line.StartsWith(HostProbe.Marker, StringComparison.Ordinal))
        {
            return false;
        }

        Volatile.Read(ref _probeAnswer)?.TrySetResult(line[HostProbe.Marker.Length..]);
        return true;
    }
}
