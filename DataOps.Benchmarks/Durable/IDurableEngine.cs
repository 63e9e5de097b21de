using DataOps.Benchmarks.Storage;

namespace DataOps.Benchmarks.Durable;

/// <summary>
/// A durable engine running the benchmark's workloads on its own task hub: one orchestration calling activities one
/// after another, one fanning them out, and many small orchestrations. Each run returns when the engine reports the
/// work completed, with the time the engine itself recorded the last instance as completed (so how often the
/// benchmark polls for completion does not enter the figures); the engine counts its own storage requests so engines sharing one Azurite can be told apart.
/// </summary>
internal interface IDurableEngine : IAsyncDisposable
{
    /// <summary>Short name for tables and logs.</summary>
    string Name { get; }

    /// <summary>Storage requests the engine (worker and client) has sent so far, retries included.</summary>
    long StorageCalls { get; }

    /// <summary>The engine's storage requests so far by port and method, shaped like <see cref="HttpRequestMeter.Snapshot"/>.</summary>
    IReadOnlyList<HttpRequestCount> Requests();

    /// <summary>Creates the task hub and starts the worker.</summary>
    Task StartAsync(CancellationToken cancellationToken);

    /// <summary>Runs one orchestration that calls <paramref name="activities"/> activities one after another.</summary>
    Task<DateTimeOffset> RunSequentialAsync(int activities, CancellationToken cancellationToken);

    /// <summary>Runs one orchestration that fans out <paramref name="activities"/> activities and waits for all.</summary>
    Task<DateTimeOffset> RunFanOutAsync(int activities, CancellationToken cancellationToken);

    /// <summary>
    /// Starts <paramref name="orchestrations"/> sequential orchestrations of <paramref name="activities"/> activities
    /// each, with ids starting <paramref name="idPrefix"/>, and returns when all have completed (with the latest completion time).
    /// </summary>
    Task<DateTimeOffset> RunManyAsync(string idPrefix, int orchestrations, int activities, CancellationToken cancellationToken);
}
