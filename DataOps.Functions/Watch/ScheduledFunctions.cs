using DataOps.Functions.Archive;
using DataOps.Functions.Registry;
using DataOps.Functions.Workflows;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;

namespace DataOps.Functions.Watch;

/// <summary>The scheduled work: daily orphan scan, connector-health sweep, connector sync, retention purge.</summary>
public sealed partial class ScheduledFunctions(
    TimeProvider time,
    IOptions<WorkflowOptions> options,
    DatasetArchiveStore archives,
    AuditLog audit,
    ConnectorMetricsStore connectorMetrics,
    ILogger<ScheduledFunctions> logger)
{
    /// <summary>Daily at 02:00 (<c>DataOps:OrphanScan:Schedule</c>): starts <see cref="OrphanScan"/>.</summary>
    [Function(nameof(OrphanScanTimer))]
    public async Task OrphanScanTimer(
        [TimerTrigger("%DataOps:OrphanScan:Schedule%")] TimerInfo timer,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        var now = time.GetUtcNow();
        var settings = options.Value;
        var instanceId = LifecycleWorkflows.OrphanScan(now);
        var input = new OrphanScanInput(now, settings.OrphanScan.MinimumAge, settings.Teardown.GracePeriod);
        if (!await LifecycleWorkflows.StartOnceAsync(client, nameof(OrphanScan), input, instanceId, onlyIfNotRunning: false, cancellationToken))
        {
            // This second's scan is already running.
            return;
        }

        LogOrphanScanStarted(logger, instanceId, timer?.IsPastDue ?? false);
    }

    /// <summary>Every 5 minutes (<c>DataOps:HealthSweep:Schedule</c>): starts <see cref="ConnectorHealthSweep"/> unless one still runs.</summary>
    [Function(nameof(HealthSweepTimer))]
    public async Task HealthSweepTimer(
        [TimerTrigger("%DataOps:HealthSweep:Schedule%")] TimerInfo timer,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        _ = timer;
        // Skipped while the previous sweep still runs, or when another host's timer won the race.
        var sweep = options.Value.HealthSweep;
        var input = new HealthSweepInput(sweep.BatchSize, sweep.StallAge, sweep.ProbeBatchSize, sweep.Interval);
        if (!await LifecycleWorkflows.StartOnceAsync(client, nameof(ConnectorHealthSweep), input, LifecycleWorkflows.HealthSweep, onlyIfNotRunning: true, cancellationToken))
        {
            LogSweepSkipped(logger);
        }
    }

    /// <summary>
    /// Every 5 minutes (<c>DataOps:ConnectorSync:Schedule</c>): starts <see cref="ConnectorSync"/>, which syncs the
    /// connectors whose stage's schedule says they are due, unless one still runs.
    /// </summary>
    [Function(nameof(ConnectorSyncTimer))]
    public async Task ConnectorSyncTimer(
        [TimerTrigger("%DataOps:ConnectorSync:Schedule%")] TimerInfo timer,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        _ = timer;
        // Skipped while the previous run still syncs, or when another host's timer won the race.
        var input = new ConnectorSyncInput(options.Value.ConnectorSync.BatchSize);
        if (!await LifecycleWorkflows.StartOnceAsync(client, nameof(ConnectorSync), input, LifecycleWorkflows.ConnectorSync, onlyIfNotRunning: true, cancellationToken))
        {
            LogSyncSkipped(logger);
        }
    }

    /// <summary>
    /// Daily at 03:30: deletes archives and audit entries past their 90-day retention, and connector metrics older than
    /// the longest window the figures read.
    /// </summary>
    [Function(nameof(RetentionPurge))]
    public async Task RetentionPurge(
        [TimerTrigger("%DataOps:Retention:Schedule%")] TimerInfo timer,
        CancellationToken cancellationToken)
    {
        _ = timer;
        var now = time.GetUtcNow();
        var blobs = await archives.PurgeExpiredAsync(now, cancellationToken);
        var entries = await audit.PurgeExpiredAsync(now, cancellationToken);
        var hours = await connectorMetrics.PurgeExpiredAsync(now, cancellationToken);
        LogPurged(logger, blobs, entries, hours);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Orphan scan {InstanceId} started (past due: {PastDue})")]
    private static partial void LogOrphanScanStarted(ILogger logger, string instanceId, bool pastDue);

    [LoggerMessage(Level = LogLevel.Information, Message = "Health sweep skipped: the previous one is still running")]
    private static partial void LogSweepSkipped(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Connector sync skipped: the previous one is still running")]
    private static partial void LogSyncSkipped(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention purge removed {Blobs} archive blobs, {Entries} audit entries and {MetricHours} hours of connector metrics")]
    private static partial void LogPurged(ILogger logger, int blobs, int entries, int metricHours);
}
