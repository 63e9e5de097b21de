using DataOps.Durable.Runtime.Dispatch;
using DataOps.Durable.Runtime.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DataOps.Durable.Runtime;

/// <summary>
/// The hosted worker: creates the task hub, owns control partitions through leases and consumes work items.
/// Stopping is graceful: no new work is taken, running episodes and activities get
/// <see cref="DurableTaskOptions.ShutdownTimeout"/> to finish, the rest is abandoned (made visible again),
/// and partition leases are released so other workers take over at once.
/// </summary>
internal sealed class DurableTaskWorker(
    TaskHubStorage hub,
    PartitionManager partitions,
    ActivityDispatcher activities,
    DurableTaskOptions options,
    WorkerLifetime lifetime,
    ILogger<DurableTaskWorker> logger) : IHostedService, IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly CancellationTokenSource _abort = new();
    private Task _running = Task.CompletedTask;

    public PartitionManager Partitions => partitions;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await hub.EnsureCreatedAsync().WaitAsync(cancellationToken);
        if (logger.IsEnabled(LogLevel.Information))
        {
            logger.LogInformation("Durable task worker {Worker} started on hub {Hub} ({Partitions} partitions)", partitions.WorkerId, hub.HubName, hub.PartitionCount);
        }

        _running = Task.WhenAll(
            Task.Run(() => partitions.RunAsync(_stop.Token), CancellationToken.None),
            Task.Run(() => activities.RunAsync(_stop.Token, _abort.Token), CancellationToken.None));
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (lifetime.IsCrashed)
        {
            return;
        }

        await _stop.CancelAsync();
        try
        {
            await _running.WaitAsync(options.ShutdownTimeout, cancellationToken);
        }
        catch (TimeoutException)
        {
            logger.LogWarning("Shutdown timeout reached; abandoning work still in progress");
            await _abort.CancelAsync();
            await _running.WaitAsync(TimeSpan.FromSeconds(5), CancellationToken.None).ContinueWith(static _ => { }, TaskScheduler.Default);
        }
    }

    /// <summary>Simulates a process death (tests): every loop stops, nothing is cleaned up.</summary>
    public void Crash() => lifetime.Crash();

    public void Dispose()
    {
        _stop.Dispose();
        _abort.Dispose();
    }
}
