using DataOps.Domain.Datasets;
using DataOps.Functions.Teardown;
using DataOps.Functions.Workflows;
using Microsoft.DurableTask;

namespace DataOps.Functions.Watch;

/// <summary>The daily orphan scan: finds datasets no journey stage owns any more and tears each down.</summary>
internal sealed class OrphanScan : TaskOrchestrator<OrphanScanInput, ScanResult>
{
    /// <inheritdoc />
    public override async Task<ScanResult> RunAsync(TaskOrchestrationContext context, OrphanScanInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var orphans = await context.CallActivityAsync<ScanResult>(nameof(FindOrphans), input, WorkflowRetry.Transient);
        context.SetCustomStatus(new { examined = orphans.Examined, orphans = orphans.DatasetIds.Count });
        await Task.WhenAll(orphans.DatasetIds.Select(id => LifecycleWorkflows.CallTeardownAsync(context, new TeardownDatasetInput(id, TeardownReason.OrphanCleanup, Force: false, input.GracePeriod))));
        return orphans;
    }
}
