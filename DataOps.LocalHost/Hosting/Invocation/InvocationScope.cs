using DataOps.LocalHost.Hosting.Indexing;

namespace DataOps.LocalHost.Hosting.Invocation;

/// <summary>
/// The DI scope and cancellation of one invocation: cancelled when the host stops, the caller goes away,
/// or <c>functionTimeout</c> (host.json) elapses.
/// </summary>
internal sealed class InvocationScope : IAsyncDisposable
{
    private readonly AsyncServiceScope _scope;
    private readonly CancellationTokenSource _cancellation;
    private readonly CancellationTokenSource? _timeout;

    public InvocationScope(IServiceProvider services, IndexedFunction function, CancellationToken callerToken)
    {
        _scope = services.CreateAsyncScope();
        var stopping = services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
        var timeout = FunctionTimeout(services.GetRequiredService<IConfiguration>());
        if (timeout is { } limit)
        {
            _timeout = new CancellationTokenSource(limit, services.GetService<TimeProvider>() ?? TimeProvider.System);
        }

        _cancellation = CancellationTokenSource.CreateLinkedTokenSource(stopping, callerToken, _timeout?.Token ?? CancellationToken.None);
        Context = new HostFunctionContext(function, _scope.ServiceProvider, _cancellation.Token);
    }

    public HostFunctionContext Context { get; }

    /// <summary>True when the invocation was cancelled because it ran past <c>functionTimeout</c>.</summary>
    public bool TimedOut => _timeout?.IsCancellationRequested == true;

    public static TimeSpan? FunctionTimeout(IConfiguration configuration)
    {
        var text = configuration["functionTimeout"];
        return TimeSpan.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var value) && value > TimeSpan.Zero
            ? value
            : null;
    }

    public async ValueTask DisposeAsync()
    {
        _cancellation.Dispose();
        _timeout?.Dispose();
        await _scope.DisposeAsync();
    }
}
