using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace DataOps.Testing;

/// <summary>
/// A private Azurite (the Azure Storage emulator pinned in package.json) listening on 127.0.0.1 (free ports unless
/// <see cref="AzuriteOptions.Ports"/> names them) with in-memory persistence, or on-disk persistence in
/// <see cref="AzuriteOptions.Location"/>. Stopped by its own pid (whole process tree) on dispose, at process
/// exit, and by a watchdog when the owning process dies without running its exit handlers (SIGKILL).
/// </summary>
internal sealed class AzuriteProcess : IAsyncDisposable
{
    /// <summary>Azurite's well-known development account.</summary>
    public const string AccountName = "devstoreaccount1";

    /// <summary>Azurite's well-known, publicly documented development key (not a secret).</summary>
    public const string AccountKey =
        "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private static readonly TimeSpan StartupDeadline = TimeSpan.FromSeconds(60);

    private readonly OwnedProcess _owned;
    private readonly StringBuilder _stderr;
    private readonly string _workDir;
    private int _disposed;

    private AzuriteProcess(Process process, StringBuilder stderr, string workDir, int[] ports)
    {
        _owned = new OwnedProcess(process);
        _stderr = stderr;
        _workDir = workDir;
        BlobEndpoint = new Uri($"http://127.0.0.1:{ports[0]}/{AccountName}");
        QueueEndpoint = new Uri($"http://127.0.0.1:{ports[1]}/{AccountName}");
        TableEndpoint = new Uri($"http://127.0.0.1:{ports[2]}/{AccountName}");
        Ports = ports;
    }

    /// <summary>The operating-system id of the Azurite process.</summary>
    public int ProcessId => _owned.Process.Id;

    /// <summary>CPU time (user and system) Azurite has used so far; benchmarks read its load from it.</summary>
    public TimeSpan CpuTime()
    {
        _owned.Process.Refresh();
        return _owned.Process.TotalProcessorTime;
    }

    /// <summary>Blob service endpoint (path-style, account in the path).</summary>
    public Uri BlobEndpoint { get; }

    /// <summary>Queue service endpoint.</summary>
    public Uri QueueEndpoint { get; }

    /// <summary>Table service endpoint.</summary>
    public Uri TableEndpoint { get; }

    /// <summary>Full connection string with the well-known account, its key and the three endpoints.</summary>
    public string ConnectionString => ConnectionStringFor(Ports);

    /// <summary>The connection string of an Azurite on 127.0.0.1 with these blob, queue and table ports (running or not).</summary>
    public static string ConnectionStringFor(IReadOnlyList<int> ports)
    {
        ArgumentNullException.ThrowIfNull(ports);
        return $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};" +
            $"BlobEndpoint=http://127.0.0.1:{ports[0]}/{AccountName};QueueEndpoint=http://127.0.0.1:{ports[1]}/{AccountName};" +
            $"TableEndpoint=http://127.0.0.1:{ports[2]}/{AccountName};";
    }

    /// <summary>The blob, queue and table ports, in that order.</summary>
    public IReadOnlyList<int> Ports { get; }

    /// <summary>Starts an in-memory Azurite on free ports and waits until all three services accept connections.</summary>
    public static Task<AzuriteProcess> StartAsync(CancellationToken cancellationToken = default) =>
        StartAsync(new AzuriteOptions(), cancellationToken);

    /// <summary>Starts Azurite from the repository's node_modules and waits until all three services accept connections.</summary>
    public static async Task<AzuriteProcess> StartAsync(AzuriteOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var root = RepositoryRoot.Find();
        var script = Path.Combine(root, "node_modules", "azurite", "dist", "src", "azurite.js");
        if (!File.Exists(script))
        {
            throw new InvalidOperationException(
                $"Azurite is not installed (missing {Path.Combine("node_modules", "azurite")} under {root}): run 'npm ci' in the repository root first.");
        }

        if (options.Ports is { Count: not 3 })
        {
            throw new ArgumentException("Ports must name the blob, queue and table ports.", nameof(options));
        }

        if (options.Ports is not null)
        {
            return await StartOnceAsync(script, [.. options.Ports], options.Location, cancellationToken);
        }

        // A port picked free can be taken by someone else before Azurite binds it; try again with new ports.
        Exception? last = null;
        for (var attempt = 0; attempt < 3; attempt++)
        {
            try
            {
                return await StartOnceAsync(script, PortAllocator.GetFreePorts(3), options.Location, cancellationToken);
            }
            catch (InvalidOperationException ex) when (ex.Message.Contains("EADDRINUSE", StringComparison.Ordinal))
            {
                last = ex;
            }
        }

        throw last!;
    }

    private static async Task<AzuriteProcess> StartOnceAsync(string script, int[] ports, string? location, CancellationToken cancellationToken)
    {
        var workDir = Path.Combine(Path.GetTempPath(), "dataops-azurite-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(workDir);
        var info = new ProcessStartInfo("node")
        {
            WorkingDirectory = workDir,
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(script);
        if (location is null)
        {
            info.ArgumentList.Add("--inMemoryPersistence");
        }
        else
        {
            Directory.CreateDirectory(location);
            info.ArgumentList.Add("--location");
            info.ArgumentList.Add(location);
        }

        foreach (var arg in new[]
        {
            "--silent", "--skipApiVersionCheck", "--loose", "--disableTelemetry",
            "--blobHost", "127.0.0.1", "--blobPort", ports[0].ToString(CultureInfo.InvariantCulture),
            "--queueHost", "127.0.0.1", "--queuePort", ports[1].ToString(CultureInfo.InvariantCulture),
            "--tableHost", "127.0.0.1", "--tablePort", ports[2].ToString(CultureInfo.InvariantCulture),
        })
        {
            info.ArgumentList.Add(arg);
        }

        var stderr = new StringBuilder();
        var process = new Process { StartInfo = info };
        process.ErrorDataReceived += (_, e) => { lock (stderr) { stderr.AppendLine(e.Data); } };
        process.OutputDataReceived += (_, e) => { lock (stderr) { stderr.AppendLine(e.Data); } };
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            process.Dispose();
            throw new InvalidOperationException("Could not start 'node': install Node.js and make sure it is on PATH, then run 'npm ci'.", ex);
        }

        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        var azurite = new AzuriteProcess(process, stderr, workDir, ports);
        try
        {
            await azurite.WaitUntilListeningAsync(ports, cancellationToken);
            return azurite;
        }
        catch
        {
            await azurite.DisposeAsync();
            throw;
        }
    }

    private async Task WaitUntilListeningAsync(int[] ports, CancellationToken cancellationToken)
    {
        foreach (var port in ports)
        {
            await _owned.WaitUntilReadyAsync(
                ct => PortAllocator.IsListeningAsync(port, ct), $"Azurite listened on port {port}", StartupDeadline, () => $"Output:{Environment.NewLine}{Output()}", cancellationToken);
        }
    }

    /// <summary>
    /// Stops Azurite the way an operator would (SIGTERM to its pid, so an on-disk store is flushed), waits for it to
    /// exit, then releases everything like <see cref="DisposeAsync"/>. Falls back to SIGKILL after <paramref name="timeout"/>.
    /// </summary>
    public async Task StopGracefullyAsync(TimeSpan timeout)
    {
        var process = _owned.Process;
        if (!OperatingSystem.IsWindows() && !process.HasExited)
        {
            using var signal = Process.Start(new ProcessStartInfo("kill") { ArgumentList = { "-TERM", process.Id.ToString(CultureInfo.InvariantCulture) }, UseShellExecute = false });
            if (signal is not null)
            {
                await signal.WaitForExitAsync();
            }

            using var cts = new CancellationTokenSource(timeout);
            try
            {
                await process.WaitForExitAsync(cts.Token);
            }
            catch (OperationCanceledException)
            {
                // Did not stop in time: DisposeAsync kills it.
            }
        }

        await DisposeAsync();
    }

    private string Output()
    {
        lock (_stderr)
        {
            return _stderr.ToString();
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await _owned.DisposeAsync();
        try
        {
            Directory.Delete(_workDir, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: the folder lives in the temp directory.
        }
    }
}
