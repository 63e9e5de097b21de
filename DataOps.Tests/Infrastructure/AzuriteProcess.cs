using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace DataOps.Tests.Infrastructure;

/// <summary>
/// A private Azurite (the Azure Storage emulator pinned in package.json) listening on free ports of
/// 127.0.0.1 with in-memory persistence. Stopped by its own pid (whole process tree) on dispose, at process
/// exit, and by a watchdog when the owning process dies without running its exit handlers (SIGKILL).
/// </summary>
public sealed class AzuriteProcess : IAsyncDisposable
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
    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};" +
        $"BlobEndpoint={BlobEndpoint};QueueEndpoint={QueueEndpoint};TableEndpoint={TableEndpoint};";

    /// <summary>Starts Azurite from the repository's node_modules and waits until all three services accept connections.</summary>
    public static async Task<AzuriteProcess> StartAsync(CancellationToken cancellationToken = default)
    {
        var root = RepositoryRoot.Find();
        var script = Path.Combine(root, "node_modules", "azurite", "dist", "src", "azurite.js");
        if (!File.Exists(script))
        {
            throw new InvalidOperationException(
                $"Azurite is not installed (missing {Path.Combine("node_modules", "azurite")} under {root}): run 'npm ci' in the repository root first.");
        }

        // A port picked free can be taken by someone else before Azurite binds it; try again with new ports.
        Exception? last = null;
        for (var attempt = 0; attempt < 3; attempt++)
        {
            try
            {
                return await StartOnceAsync(script, PortAllocator.GetFreePorts(3), cancellationToken);
            }
            catch (InvalidOperationException ex) when (ex.Message.Contains("EADDRINUSE", StringComparison.Ordinal))
            {
                last = ex;
            }
        }

        throw last!;
    }

    private static async Task<AzuriteProcess> StartOnceAsync(string script, int[] ports, CancellationToken cancellationToken)
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
        foreach (var arg in new[]
        {
            script, "--inMemoryPersistence", "--silent", "--skipApiVersionCheck", "--loose", "--disableTelemetry",
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
        var deadline = Stopwatch.StartNew();
        foreach (var port in ports)
        {
            while (!await PortAllocator.IsListeningAsync(port, cancellationToken))
            {
                if (_owned.Process.HasExited)
                {
                    throw new InvalidOperationException(
                        $"Azurite exited with code {_owned.Process.ExitCode} before listening on port {port}. Output:{Environment.NewLine}{Output()}");
                }

                if (deadline.Elapsed > StartupDeadline)
                {
                    throw new InvalidOperationException(
                        $"Azurite did not listen on port {port} within {StartupDeadline.TotalSeconds} s. Output:{Environment.NewLine}{Output()}");
                }

                // Polling a local port: a short pause between connection attempts, not a synchronisation sleep.
                await Task.Delay(50, cancellationToken);
            }
        }
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
