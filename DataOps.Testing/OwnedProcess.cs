using System.Diagnostics;

namespace DataOps.Testing;

/// <summary>
/// A child process this process started and is responsible for: stopped (its whole tree, by its own pid) on dispose,
/// at process exit, and by a <see cref="ProcessWatchdog"/> when this process dies without running its exit handlers.
/// </summary>
internal sealed class OwnedProcess : IAsyncDisposable
{
    private static readonly TimeSpan ExitDeadline = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan ReadinessPollInterval = TimeSpan.FromMilliseconds(100);
    private readonly Process? _watchdog;
    private int _disposed;

    /// <summary>Takes charge of <paramref name="process"/>, which must have been started.</summary>
    public OwnedProcess(Process process)
    {
        ArgumentNullException.ThrowIfNull(process);
        Process = process;
        _watchdog = ProcessWatchdog.Start(process.Id);
        AppDomain.CurrentDomain.ProcessExit += OnProcessExit;
    }

    /// <summary>The child process.</summary>
    public Process Process { get; }

    /// <summary>
    /// Waits for the starting process to be ready (<paramref name="ready"/> holds: a port accepts connections, a health
    /// endpoint answers). Fails at once when the process exits first, and at <paramref name="deadline"/>; both errors
    /// say what was awaited and add <paramref name="details"/> (its output, where its log is). The short pause between
    /// probes only paces the polling; the deadline bounds it.
    /// </summary>
    public async Task WaitUntilReadyAsync(Func<CancellationToken, Task<bool>> ready, string what, TimeSpan deadline, Func<string> details, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ready);
        ArgumentNullException.ThrowIfNull(details);
        var watch = Stopwatch.StartNew();
        while (!await ready(cancellationToken))
        {
            if (Process.HasExited)
            {
                throw new InvalidOperationException($"The process exited with code {Process.ExitCode} before {what}. {details()}");
            }

            if (watch.Elapsed > deadline)
            {
                throw new InvalidOperationException($"Not {what} within {deadline.TotalSeconds:F0} s. {details()}");
            }

            await Task.Delay(ReadinessPollInterval, cancellationToken);
        }
    }

    /// <summary>Kills the process tree, waits up to 10 s for it to exit, and stops the watchdog.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        AppDomain.CurrentDomain.ProcessExit -= OnProcessExit;
        Kill();
        using (var cts = new CancellationTokenSource(ExitDeadline))
        {
            try
            {
                await Process.WaitForExitAsync(cts.Token);
            }
            catch (OperationCanceledException)
            {
                // Kill was sent; do not hang the caller on a stuck exit.
            }
        }

        Process.Dispose();
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
    }

    private void OnProcessExit(object? sender, EventArgs e) => Kill();

    private void Kill()
    {
        try
        {
            if (!Process.HasExited)
            {
                Process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }
}
