using DataOps.LocalHost.Hosting.Indexing;

namespace DataOps.LocalHost.Hosting;

/// <summary>A built function host: Kestrel for HTTP functions plus the queue and timer listeners.</summary>
public sealed class FunctionsHost : IHost, IAsyncDisposable
{
    private readonly WebApplication _app;

    internal FunctionsHost(WebApplication app, IReadOnlyList<IndexedFunction> functions)
    {
        _app = app;
        Functions = functions;
        FunctionNames = [.. functions.Select(f => f.Name)];
    }

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
