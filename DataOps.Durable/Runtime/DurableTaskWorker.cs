using Azure;
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

    /// <summary>
    /// Creates the task hub and starts the worker. Storage may be unreachable when the host starts (a host restarted
    /// while the storage emulator restarts, a network blip): the worker then keeps trying to create the task hub in
    /// the background instead of failing the host, and begins work as soon as storage answers.
    /// </summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            // Normally the task hub exists once the host has started.
            await hub.EnsureCreatedAsync().WaitAsync(cancellationToken);
        }
        catch (RequestFailedException ex)
        {
            logger.LogWarning(ex, "Task hub {Hub} could not be created at start (storage unreachable?); the worker keeps trying", hub.HubName);
        }

        _running = Task.Run(RunAsync, CancellationToken.None);
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
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Whatever stopped the loops is logged; a stopping host does not fail because of it.
            logger.LogError(ex, "The durable task worker stopped with an error");
        }
    }

    private async Task RunAsync()
    {
        var delay = TimeSpan.FromMilliseconds(500);
        while (true)
        {
            try
            {
                await hub.EnsureCreatedAsync().WaitAsync(_stop.Token);
                break;
            }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested)
            {
                return;
            }
            catch (RequestFailedException ex)
            {
                logger.LogWarning(ex, "Task hub {Hub} could not be created (storage unreachable?); retrying in {Delay}", hub.HubName, delay);
            }

            try
            {
                await Task.Delay(delay, _stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromSeconds(10).Ticks));
        }

        if (logger.IsEnabled(LogLevel.Information))
        {
            logger.LogInformation("Durable task worker {Worker} started on hub {Hub} ({Partitions} partitions)", partitions.WorkerId, hub.HubName, hub.PartitionCount);
        }

        await Task.WhenAll(
            Task.Run(() => partitions.RunAsync(_stop.Token), CancellationToken.None),
            Task.Run(() => activities.RunAsync(_stop.Token, _abort.Token), CancellationToken.None));
    }

    /// <summary>Simulates a process death (tests): every loop stops, nothing is cleaned up.</summary>
    public void Crash() => lifetime.Crash();

    public void Dispose()
    {
        _stop.Dispose();
        _abort.Dispose();
    }
}
