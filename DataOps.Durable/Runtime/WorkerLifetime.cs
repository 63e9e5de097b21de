namespace DataOps.Durable.Runtime;

/// <summary>
/// Shared stop state of one worker. <see cref="Crash"/> simulates a process death for crash-safety tests: every
/// loop stops at once and nothing is cleaned up (no abandon, no lease release), exactly as if the process died.
/// </summary>
internal sealed class WorkerLifetime : IDisposable
{
    private readonly CancellationTokenSource _crash = new();

    public bool IsCrashed => _crash.IsCancellationRequested;

    public CancellationToken CrashToken => _crash.Token;

    public void Crash() => _crash.Cancel();

    public void Dispose() => _crash.Dispose();
}
