using Azure;
using DataOps.LocalHost.Hosting.Indexing;
using DataOps.LocalHost.Hosting.Invocation;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;

namespace DataOps.LocalHost.Hosting.Timers;

/// <summary>
/// Runs one timer function: waits for its singleton lock, catches up a run missed while no host held it
/// (<c>IsPastDue</c>), honours <c>RunOnStartup</c>, then fires at each occurrence, persisting the schedule status.
/// </summary>
internal sealed class TimerListener(
    IndexedFunction function,
    TimerTriggerDefinition trigger,
    TimerHostSettings settings,
    StorageClients storage,
    IServiceProvider services,
    IOptions<SingletonOptions> singleton,
    TimeProvider time,
    ILogger<TimerListener> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var container = storage.Blobs().GetBlobContainerClient(TimerHostSettings.ContainerName);
        var listenerLock = new ListenerLock(container, settings.HostId, function.Name, singleton.Value, logger);
        var monitor = new ScheduleMonitor(container, settings.HostId, function.Name);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await container.CreateIfNotExistsAsync(cancellationToken: stoppingToken);
                var lease = await listenerLock.TryAcquireAsync(stoppingToken);
                if (lease is null)
                {
                    await Task.Delay(singleton.Value.ListenerLockRecoveryPollingInterval, stoppingToken);
                    continue;
                }

                using var lost = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
                using var stopRenewal = new CancellationTokenSource();
                var renewal = listenerLock.KeepAsync(lease, lost, stopRenewal.Token);
                try
                {
                    if (logger.IsEnabled(LogLevel.Information))
                    {
                        logger.LogInformation("Timer {Function} acquired its singleton lock; schedule {Schedule}", function.Name, trigger.Schedule.Expression);
                    }

                    await RunScheduleAsync(monitor, lost.Token);
                }
                catch (OperationCanceledException) when (lost.IsCancellationRequested && !stoppingToken.IsCancellationRequested)
                {
                    // Lost the lock: go back to waiting for it.
                }
                finally
                {
                    await stopRenewal.CancelAsync();
                    await renewal;
                    await ListenerLock.ReleaseAsync(lease);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is RequestFailedException or HttpRequestException)
            {
                logger.LogWarning(ex, "Timer {Function} could not reach storage; will retry", function.Name);
                await Task.Delay(singleton.Value.ListenerLockRecoveryPollingInterval, stoppingToken);
            }
        }
    }

    private async Task RunScheduleAsync(ScheduleMonitor monitor, CancellationToken cancellationToken)
    {
        var schedule = trigger.Schedule;
        var status = trigger.UseMonitor ? await monitor.ReadAsync(cancellationToken) : null;
        var now = time.GetUtcNow();
        if (status is not null && status.Next <= now)
        {
            if (logger.IsEnabled(LogLevel.Information))
            {
                logger.LogInformation("Timer {Function} missed its run at {Missed:o}; running it now", function.Name, status.Next);
            }

            await InvokeAsync(new TimerInfo { IsPastDue = true, ScheduleStatus = status.ToScheduleStatus() }, cancellationToken);
            status = status with { Last = status.Next };
        }
        else if (trigger.RunOnStartup)
        {
            await InvokeAsync(new TimerInfo { ScheduleStatus = status?.ToScheduleStatus() }, cancellationToken);
        }

        var next = NextAfter(time.GetUtcNow());
        status = new TimerScheduleStatus { Last = status?.Last ?? default, Next = next, LastUpdated = time.GetUtcNow() };
        await SaveAsync(monitor, status, cancellationToken);
        while (true)
        {
            // Task.Delay cannot wait past ~49 days in one go, so long gaps are waited in steps.
            for (var wait = next - time.GetUtcNow(); wait > TimeSpan.Zero; wait = next - time.GetUtcNow())
            {
                await Task.Delay(wait < TimeSpan.FromDays(1) ? wait : TimeSpan.FromDays(1), time, cancellationToken);
            }

            await InvokeAsync(new TimerInfo { ScheduleStatus = status.ToScheduleStatus() }, cancellationToken);
            now = time.GetUtcNow();
            status = new TimerScheduleStatus { Last = next, Next = NextAfter(now > next ? now : next), LastUpdated = now };
            next = status.Next;
            await SaveAsync(monitor, status, cancellationToken);
        }
    }

    private DateTimeOffset NextAfter(DateTimeOffset instant) =>
        trigger.Schedule.GetNextOccurrence(instant, settings.TimeZone)
        ?? throw new InvalidOperationException($"Timer {function.Name}: schedule '{trigger.Schedule.Expression}' has no further occurrence.");

    private Task SaveAsync(ScheduleMonitor monitor, TimerScheduleStatus status, CancellationToken cancellationToken) =>
        trigger.UseMonitor ? monitor.WriteAsync(status, cancellationToken) : Task.CompletedTask;

    private async Task InvokeAsync(TimerInfo info, CancellationToken cancellationToken)
    {
        await using var scope = new InvocationScope(services, function, cancellationToken);
        var data = new InvocationData(scope.Context) { Timer = info };
        try
        {
            await FunctionInvoker.InvokeAsync(function, data, FunctionInvoker.BindArguments(function, data));
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            // A failed run is logged and the schedule goes on, as in Azure Functions.
            logger.LogError(ex, "Timer function {Function} failed (invocation {InvocationId})", function.Name, scope.Context.InvocationId);
        }
    }
}
