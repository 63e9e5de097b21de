using System.Diagnostics;
using DataOps.Tests.Infrastructure;

namespace DataOps.Chaos;

/// <summary>
/// A process the chaos run started (a function host or the Glean emulator): its output goes to a log file, it is
/// killed only by its own pid, and a watchdog kills it if the run itself dies without cleaning up.
/// </summary>
internal sealed class ChildProcess : IAsyncDisposable
{
    private readonly Process _process;
    private Process? _watchdog;
    private readonly StreamWriter _log;
    private readonly Lock _logLock = new();
    private int _disposed;

    private ChildProcess(string name, Process process, StreamWriter log)
    {
        Name = name;
        _process = process;
        _log = log;
    }

    /// <summary>What the run calls it (e.g. <c>host-a</c>).</summary>
    public string Name { get; }

    /// <summary>The operating-system id.</summary>
    public int ProcessId => _process.Id;

    /// <summary>True once it has exited.</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>Starts <c>dotnet <paramref name="assembly"/></c> in <paramref name="workingDirectory"/> with extra environment variables.</summary>
    public static ChildProcess StartDotnet(string name, string assembly, IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string> environment, string workingDirectory, string logPath)
    {
        if (!File.Exists(assembly))
        {
            throw new InvalidOperationException($"{assembly} is missing: build the solution first (dotnet build DataOps.sln -c Release).");
        }

        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(assembly);
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }

        var log = new StreamWriter(new FileStream(logPath, FileMode.Append, FileAccess.Write, FileShare.Read)) { AutoFlush = true };
        var process = new Process { StartInfo = info };
        var child = new ChildProcess(name, process, log);
        process.OutputDataReceived += (_, e) => child.Write(e.Data);
        process.ErrorDataReceived += (_, e) => child.Write(e.Data);
        process.Start();
        child._watchdog = ProcessWatchdog.Start(process.Id);
        AppDomain.CurrentDomain.ProcessExit += child.OnProcessExit;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        child.Write($"--- {name} started, pid {process.Id}");
        return child;
    }

    /// <summary>SIGKILL: the process dies at once, without running any shutdown code.</summary>
    public async Task KillAsync()
    {
        Write($"--- {Name} killed (SIGKILL)");
        try
        {
            _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }

        await _process.WaitForExitAsync();
    }

    private void Write(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_logLock)
        {
            if (_disposed == 0)
            {
                _log.WriteLine(line);
            }
        }
    }

    private void OnProcessExit(object? sender, EventArgs e)
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    public async ValueTask DisposeAsync()
    {
        AppDomain.CurrentDomain.ProcessExit -= OnProcessExit;
        if (!_process.HasExited)
        {
            await KillAsync();
        }

        lock (_logLock)
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 1)
            {
                return;
            }

            _log.Dispose();
        }

        if (_watchdog is not null)
        {
            try
            {
                if (!_watchdog.HasExited)
                {
                    _watchdog.Kill();
                }
            }
            catch (InvalidOperationException)
            {
                // Already gone.
            }

            _watchdog.Dispose();
        }

        _process.Dispose();
    }
}
