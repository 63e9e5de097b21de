using DataOps.LocalHost.Hosting.Indexing;

namespace DataOps.LocalHost.Hosting;

/// <summary>
/// A built function host: Kestrel for HTTP functions plus the queue and timer listeners. Named apart from the isolated
/// worker's own <c>FunctionsApplication</c>, which it resembles: <see cref="CreateBuilder(string[])"/>, configure,
/// <see cref="LocalFunctionsHostBuilder.Build"/>, run.
/// </summary>
internal sealed class LocalFunctionsHost : IHost, IAsyncDisposable
{
    private readonly WebApplication _app;

    internal LocalFunctionsHost(WebApplication app, IReadOnlyList<IndexedFunction> functions)
    {
        _app = app;
        Functions = functions;
        FunctionNames = [.. functions.Select(f => f.Name)];
    }

    /// <summary>Creates a builder with the Functions configuration sources (host.json, local.settings.json, environment, arguments).</summary>
    /// <param name="args">Command-line arguments.</param>
    /// <returns>The builder.</returns>
    public static LocalFunctionsHostBuilder CreateBuilder(string[] args) =>
        CreateBuilder(new LocalFunctionsHostOptions { Args = args });

    /// <summary>Creates a builder with explicit options (content root, whether to read local.settings.json).</summary>
    /// <param name="options">The options.</param>
    /// <returns>The builder.</returns>
    public static LocalFunctionsHostBuilder CreateBuilder(LocalFunctionsHostOptions options) => new(options);

    /// <summary>The indexed functions: name, trigger and bindings.</summary>
    internal IReadOnlyList<IndexedFunction> Functions { get; }

    /// <summary>The names of the indexed functions.</summary>
    public IReadOnlyList<string> FunctionNames { get; }

    /// <inheritdoc />
    public IServiceProvider Services => _app.Services;

    /// <summary>The first address Kestrel listens on (with the real port when port 0 was asked for); valid once started.</summary>
    public Uri BaseAddress => new(_app.Urls.First());

    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken = default) => _app.StartAsync(cancellationToken);

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken = default) => _app.StopAsync(cancellationToken);

    /// <summary>Runs until the process is asked to stop (Ctrl+C, SIGTERM) or <paramref name="cancellationToken"/> fires.</summary>
    /// <param name="cancellationToken">Stops the host when cancelled.</param>
    /// <returns>A task that completes when the host has stopped.</returns>
    public Task RunAsync(CancellationToken cancellationToken = default) => HostingAbstractionsHostExtensions.RunAsync(_app, cancellationToken);

    /// <inheritdoc />
    public void Dispose() => ((IDisposable)_app).Dispose();

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
