using DataOps.Domain.Connectors;
using DataOps.Domain.Datasets;
using DataOps.Functions.Validation;
using DataOps.Functions.Workflows;
using Microsoft.DurableTask;

namespace DataOps.Functions.Watch;

/// <summary>
/// The scheduled connector sync (<see cref="ConnectorSchedule"/>): finds the READY datasets whose sync is due
/// (<see cref="FindDueSyncs"/>) and syncs them in bounded batches. A pilot dataset's export is read again
/// (<see cref="SyncPilotExport"/>); when it changed, the new records were staged and pushed, and the dataset is validated
/// again (trigger <see cref="ValidationTrigger.Sync"/>). A production dataset's connector is probed
/// (<see cref="ProbeSyncedConnector"/>); an unhealthy one takes the health sweep's path (back to VALIDATING, validated
/// again). Sandbox connectors never sync on their own. One dataset's sync failing never stops the run: it stays due, and
/// the next run tries it again.
/// </summary>
internal sealed class ConnectorSync : TaskOrchestrator<ConnectorSyncInput, ConnectorSyncResult>
{
    /// <inheritdoc />
    public override async Task<ConnectorSyncResult> RunAsync(TaskOrchestrationContext context, ConnectorSyncInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var due = await context.CallActivityAsync<IReadOnlyList<DueSync>>(nameof(FindDueSyncs), null, WorkflowRetry.Transient);
        var runs = new List<(DueSync Due, ConnectorSyncRun? Run, bool Revalidated)>();
        foreach (var batch in due.Chunk(Math.Max(1, input.BatchSize)))
        {
            // Ids are taken in order before the batch fans out, so a replay hands each dataset the same one.
            var started = batch.Select(d => SyncAsync(context, d, context.NewGuid().ToString("N"))).ToList();
            runs.AddRange(await Task.WhenAll(started));
        }

        return new ConnectorSyncResult(
            due.Count,
            Ids(runs, r => r.Run?.Outcome == ConnectorSyncOutcome.Pushed),
            Ids(runs, r => r.Run?.Outcome == ConnectorSyncOutcome.Unchanged),
            Ids(runs, r => r.Run?.Outcome is ConnectorSyncOutcome.Healthy or ConnectorSyncOutcome.Unhealthy),
            Ids(runs, r => r.Revalidated),
            Ids(runs, r => r.Run is null));
    }

    private static async Task<(DueSync Due, ConnectorSyncRun? Run, bool Revalidated)> SyncAsync(TaskOrchestrationContext context, DueSync due, string syncId)
    {
        var input = new SyncDatasetInput(due.DatasetId, syncId);
        try
        {
            switch (due.Mode)
            {
                case ConnectorSyncMode.Resync:
                    var pushed = await context.CallActivityAsync<ConnectorSyncRun>(nameof(SyncPilotExport), input, WorkflowRetry.Transient);
                    if (pushed.Outcome != ConnectorSyncOutcome.Pushed)
                    {
                        return (due, pushed, false);
                    }

                    await context.CallActivityAsync(nameof(RevertToValidating), new RevertToValidatingInput(due.DatasetId, "connector synced: " + pushed.Detail), WorkflowRetry.Transient);
                    await context.CallSubOrchestratorAsync<ValidationResult>(
                        nameof(ValidateDataset),
                        new ValidateDatasetInput(due.DatasetId, ValidationTrigger.Sync),
                        new SubOrchestrationOptions { InstanceId = LifecycleWorkflows.SweepValidation(context.InstanceId, due.DatasetId) });
                    return (due, pushed, true);
                case ConnectorSyncMode.Probe:
                    var probed = await context.CallActivityAsync<ConnectorSyncRun>(nameof(ProbeSyncedConnector), input, WorkflowRetry.Transient);
                    if (probed.Outcome != ConnectorSyncOutcome.Unhealthy)
                    {
                        return (due, probed, false);
                    }

                    await ConnectorHealthSweep.RevalidateUnhealthyAsync(context, new ConnectorProbeResult(due.DatasetId, false, probed.Problems), ValidationTrigger.Sync);
                    return (due, probed, true);
                default:
                    return (due, ConnectorSyncRun.Skipped(due.DatasetId, "synced by hand only"), false);
            }
        }
        catch (TaskFailedException)
        {
            // Glean or storage still down after every retry: nothing recorded, so the next run finds it due again.
            return (due, null, false);
        }
    }

    private static IReadOnlyList<DatasetId> Ids(IEnumerable<(DueSync Due, ConnectorSyncRun? Run, bool Revalidated)> runs, Func<(DueSync Due, ConnectorSyncRun? Run, bool Revalidated), bool> which)
        => [.. runs.Where(which).Select(r => r.Due.DatasetId)];
}
