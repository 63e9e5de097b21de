using DataOps.Functions.Workflows;
using Microsoft.DurableTask.Client;

namespace DataOps.Functions.Operations.Queries;

/// <summary>The scheduled scans as an operator sees them: each one's schedule and its last run.</summary>
public sealed class ScanQueries(IConfiguration configuration)
{
    /// <summary>The schedule and last run of the orphan scan, the connector-health sweep and the connector sync.</summary>
    public async Task<ScanStatus> StatusAsync(DurableTaskClient client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        OrchestrationMetadata? lastOrphanScan = null;
        var query = new OrchestrationQuery { InstanceIdPrefix = LifecycleWorkflows.OrphanScanPrefix, FetchInputsAndOutputs = true, PageSize = 100 };
        await foreach (var instance in client.GetAllInstancesAsync(query).WithCancellation(cancellationToken))
        {
            if (lastOrphanScan is null || instance.CreatedAt > lastOrphanScan.CreatedAt)
            {
                lastOrphanScan = instance;
            }
        }

        var lastSweep = await client.GetInstanceAsync(LifecycleWorkflows.HealthSweep, getInputsAndOutputs: true, cancellationToken);
        var lastSync = await client.GetInstanceAsync(LifecycleWorkflows.ConnectorSync, getInputsAndOutputs: true, cancellationToken);
        return new ScanStatus(
            new ScheduledScan(configuration["DataOps:OrphanScan:Schedule"], ScanRun.From(lastOrphanScan)),
            new ScheduledScan(configuration["DataOps:HealthSweep:Schedule"], ScanRun.From(lastSweep)),
            new ScheduledScan(configuration["DataOps:ConnectorSync:Schedule"], ScanRun.From(lastSync)));
    }
}
