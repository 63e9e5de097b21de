using System.Diagnostics;
using System.Globalization;

namespace DataOps.Testing;

/// <summary>
/// The product's executable (<c>dotnet DataOps.LocalHost.dll</c>) as a child process: started from its build folder
/// (host.json and mock_data are there) with its settings in environment variables (<c>:</c> written as <c>__</c>),
/// serving HTTP on its own port of 127.0.0.1. It is an <see cref="OwnedProcess"/>: stopped by its own pid on dispose,
/// at process exit, and by a watchdog when the test run (or benchmark) itself dies. Used by the scale-out test and,
/// with a startup hook and a line handler, by the load benchmark.
/// </summary>
internal sealed class LocalHostProcess : IAsyncDisposable
{
    private const int KeptLines = 300;
    private static readonly TimeSpan StartupDeadline = TimeSpan.FromSeconds(120);
    private readonly OwnedProcess _owned;
    private readonly Queue<string> _log = new();
    private readonly Func<string, bool>? _handleLine;

    private LocalHostProcess(string name, Process process, Uri baseAddress, string? functionKey, Func<string, bool>? handleLine)
    {
        Name = name;
        ProcessId = process.Id;
        BaseAddress = baseAddress;
        _handleLine = handleLine;
        _owned = new OwnedProcess(process);
        Http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
        if (functionKey is not null)
        {
            Http.DefaultRequestHeaders.Add("x-functions-key", functionKey);
        }

        process.OutputDataReceived += (_, e) => OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => OnLine(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    /// <summary>The name the caller gives the host (for messages).</summary>
    public string Name { get; }

    /// <summary>The pid of the host process (the durable worker's name contains it).</summary>
    public int ProcessId { get; }

    /// <summary>Where the host serves HTTP, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>A client for the host's API, sending the function key when one was given.</summary>
    public HttpClient Http { get; }

    /// <summary>True once the process has ended.</summary>
    public bool HasExited => _owned.Process.HasExited;

    /// <summary>The host's standard input; only when started with <see cref="LocalHostProcessOptions.RedirectStandardInput"/>.</summary>
    public StreamWriter StandardInput => _owned.Process.StandardInput;

    /// <summary>
    /// Starts the host built next to the calling assembly (same configuration and target framework) on
    /// <paramref name="port"/> with <paramref name="settings"/>, and waits until <c>GET /api/health</c> answers 200.
    /// </summary>
    public static async Task<LocalHostProcess> StartAsync(
        string name, int port, IReadOnlyDictionary<string, string> settings, string? functionKey, CancellationToken cancellationToken, LocalHostProcessOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        options ??= new LocalHostProcessOptions();
        var (folder, configuration) = BuildFolder();
        var assembly = Path.Combine(folder, "DataOps.LocalHost.dll");
        if (!File.Exists(assembly))
        {
            throw new InvalidOperationException($"The function host is not built ({assembly} is missing): run 'dotnet build DataOps.sln -c {configuration}' first.");
        }

        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = folder,
            UseShellExecute = false,
            RedirectStandardInput = options.RedirectStandardInput,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        info.ArgumentList.Add(assembly);
        foreach (var (key, value) in settings.Concat(options.Environment))
        {
            info.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var address = string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}");
        info.Environment["Host__Urls"] = address;
        var process = Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start");
        var host = new LocalHostProcess(name, process, new Uri(address + "/"), functionKey, options.HandleLine);
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

    /// <summary>SIGKILLs the host (its whole process tree, by its own pid) and waits until it has exited.</summary>
    public async Task KillAsync()
    {
        if (!_owned.Process.HasExited)
        {
            _owned.Process.Kill(entireProcessTree: true);
        }

        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await _owned.Process.WaitForExitAsync(deadline.Token);
    }

    /// <summary>The last lines the host wrote to its standard output and error.</summary>
    public string Output()
    {
        lock (_log)
        {
            return string.Join(Environment.NewLine, _log);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _owned.DisposeAsync();
    }

    // The calling assembly runs from <project>/bin/<configuration>/<framework>/; the host was built the same way.
    private static (string Folder, string Configuration) BuildFolder()
    {
        var build = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        return (Path.Combine(RepositoryRoot.Find(), "DataOps.LocalHost", "bin", build.Parent!.Name, build.Name), build.Parent.Name);
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
                catch (TaskCanceledException) when (!ct.IsCancellationRequested)
                {
                    return false; // Listening, but too busy starting to answer within the request timeout.
                }
            },
            $"{Name} was healthy",
            StartupDeadline,
            () => $"Output:{Environment.NewLine}{Output()}",
            cancellationToken);
    }

    private void OnLine(string? line)
    {
        if (line is null || _handleLine?.Invoke(line) == true)
        {
            return;
        }

        lock (_log)
        {
            _log.Enqueue(line);
            while (_log.Count > KeptLines)
            {
                _log.Dequeue();
            }
        }
    }
}

/// <summary>What a caller of <see cref="LocalHostProcess"/> may add to the host's start.</summary>
internal sealed class LocalHostProcessOptions
{
    /// <summary>Environment variables beyond the settings (for example <c>DOTNET_STARTUP_HOOKS</c>).</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    /// <summary>Whether the caller writes to the host's standard input.</summary>
    public bool RedirectStandardInput { get; init; }

    /// <summary>Sees each output line first; a line it answers true for is consumed and not kept in the log.</summary>
    public Func<string, bool>? HandleLine { get; init; }
}
