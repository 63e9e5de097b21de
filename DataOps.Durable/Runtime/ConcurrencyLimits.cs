namespace DataOps.Durable.Runtime;

/// <summary>The per-worker limit on concurrent orchestration episodes (shared by all owned partitions).</summary>
internal sealed class ConcurrencyLimits(DurableTaskOptions options) : IDisposable
{
    public SemaphoreSlim Orchestrations { get; } = new(options.MaxConcurrentOrchestratorFunctions);

    public void Dispose() => Orchestrations.Dispose();
}
