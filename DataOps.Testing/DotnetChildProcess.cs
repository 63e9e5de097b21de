using System.Diagnostics;
namespace DataOps.Testing;

/// <summary>
/// A <c>dotnet</c> assembly run as a child process (a function host or the Glean emulator, as the chaos run starts
/// them): its output goes to a log file, and it is owned (<see cref="OwnedProcess"/>): killed only by its own pid,
/// also when the caller itself dies.
/// </summary>
internal sealed class DotnetChildProcess : IAsyncDisposable
{
    private readonly StreamWriter _log;
    private readonly Lock _logLock = new();
    private OwnedProcess? _owned;
    private bool _closed;

    private DotnetChildProcess(string name, StreamWriter log)
    {
        Name = name;
        _log = log;
    }

    /// <summary>What the run calls it (e.g. <c>host-a</c>).</summary>
    public string Name { get; }

    /// <summary>The operating-system id.</summary>
    public int ProcessId => Process.Id;

    /// <summary>True once it has exited.</summary>
    public bool HasExited => Process.HasExited;

    private Process Process => _owned?.Process ?? throw new InvalidOperationException($"{Name} was not started.");

    /// <summary>Starts <c>dotnet <paramref name="assembly"/></c> in <paramref name="workingDirectory"/> with extra environment variables.</summary>
    public static DotnetChildProcess StartDotnet(string name, string assembly, IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string> environment, string workingDirectory, string logPath)
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

        var child = new DotnetChildProcess(name, new StreamWriter(new FileStream(logPath, FileMode.Append, FileAccess.Write, FileShare.Read)) { AutoFlush = true });
        var process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, e) => child.Write(e.Data);
        process.ErrorDataReceived += (_, e) => child.Write(e.Data);
        process.Start();
        child._owned = new OwnedProcess(process);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        child.Write($"--- {name} started, pid {process.Id}");
        return child;
    }

    /// <summary>Waits until the process accepts connections on <paramref name="port"/> (fails early if it exits).</summary>
    public Task WaitListeningAsync(int port, TimeSpan deadline, CancellationToken cancellationToken) =>
        (_owned ?? throw new InvalidOperationException($"{Name} was not started.")).WaitUntilReadyAsync(
            ct => PortAllocator.IsListeningAsync(port, ct), $"{Name} listened on port {port}", deadline, () => "See its log.", cancellationToken);

    /// <summary>SIGKILL: the process dies at once, without running any shutdown code.</summary>
    public async Task KillAsync()
    {
        Write($"--- {Name} killed (SIGKILL)");
        await DisposeAsync();
    }

    private void Write(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_logLock)
        {
            if (!_closed)
            {
                _log.WriteLine(line);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_owned is not null)
        {
            // OwnedProcess kills the whole tree by its pid (SIGKILL) and waits for the exit.
            await _owned.DisposeAsync();
        }

        lock (_logLock)
        {
            if (!_closed)
            {
                _closed = true;
                _log.Dispose();
            }
        }
    }
}
