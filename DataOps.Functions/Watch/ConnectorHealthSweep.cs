using DataOps.Domain.Datasets;
using DataOps.Functions.Provisioning;
using DataOps.Functions.Teardown;
using DataOps.Functions.Validation;
using DataOps.Functions.Workflows;
using Microsoft.DurableTask;

namespace DataOps.Functions.Watch;

/// <summary>
/// First repairs the datasets no workflow is moving any more (<see cref="FindStalledDatasets"/>): PROVISIONING ones are
/// failed (and can be retried), VALIDATING ones validated again, TEARDOWN ones finished or, when an operator terminated
/// the teardown, restored; FAILED ones whose compensation did not finish get it finished. Then probes the connectors of
/// READY datasets in bounded batches; a dataset whose connector is unhealthy goes back to VALIDATING and is revalidated
/// (and ends READY again, FAILED, or VALIDATING until a later sweep when the checks could not run). One dataset's
/// repair or probe failing never stops the sweep.
/// </summary>
internal sealed class ConnectorHealthSweep : TaskOrchestrator<HealthSweepInput, ScanResult>
{
    /// <inheritdoc />
    public override async Task<ScanResult> RunAsync(TaskOrchestrationContext context, HealthSweepInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var batchSize = Math.Max(1, input.BatchSize);
        var stalled = await context.CallActivityAsync<IReadOnlyList<StalledDataset>>(nameof(FindStalledDatasets), input.StallAge, WorkflowRetry.Transient);
        var repaired = new List<StalledDataset>();
        foreach (var batch in stalled.Chunk(batchSize))
        {
            var done = await Task.WhenAll(batch.Select(s => RepairAsync(context, s)));
            repaired.AddRange(batch.Where((_, i) => done[i]));
        }

        var ready = await context.CallActivityAsync<IReadOnlyList<DatasetId>>(nameof(ListReadyDatasets), null, WorkflowRetry.Transient);
        var reverted = new List<DatasetId>();
        foreach (var batch in ready.Chunk(batchSize))
        {
            var probes = await Task.WhenAll(batch.Select(id => ProbeAsync(context, id)));
            var unhealthy = probes.OfType<ConnectorProbeResult>().Where(p => !p.Healthy).ToList();
            foreach (var probe in unhealthy)
            {
                await RevertUnhealthyAsync(context, probe);
            }

            await Task.WhenAll(unhealthy.Select(p => ValidateAsync(context, p.DatasetId, ValidationTrigger.Sweep)));
            reverted.AddRange(unhealthy.Select(p => p.DatasetId));
        }

        return new ScanResult(ready.Count, reverted, repaired);
    }

    private static async Task<bool> RepairAsync(TaskOrchestrationContext context, StalledDataset stalled)
    {
        try
        {
            switch (stalled.Repair)
            {
                case RepairAction.Fail:
                    await ProvisioningSteps.FailAsync(context, new FailProvisioningInput(stalled.DatasetId, stalled.Reason, []));
                    break;
                case RepairAction.Validate:
                    await context.CallActivityAsync<bool>(nameof(ReconnectConnector), stalled.DatasetId, WorkflowRetry.Transient);
                    return await ValidateAsync(context, stalled.DatasetId);
                case RepairAction.ResumeTeardown:
                    await context.CallActivityAsync<bool>(nameof(ResumeTeardown), stalled.DatasetId, WorkflowRetry.Transient);
                    break;
                case RepairAction.Restore:
                    await context.CallSubOrchestratorAsync<ValidationResult>(
                        nameof(RestoreDataset),
                        new RestoreDatasetInput(stalled.DatasetId, stalled.Reason),
                        new SubOrchestrationOptions { InstanceId = LifecycleWorkflows.Restore(stalled.DatasetId, context.NewGuid()) });
                    break;
            }

            return true;
        }
        catch (TaskFailedException)
        {
            // Still failing (Glean or storage down): the next sweep finds it again.
            return false;
        }
    }

    /// <summary>
    /// The sweep's answer to an unhealthy connector, which the scheduled connector sync's production probes share: the
    /// READY dataset goes back to VALIDATING, saying why, and is validated as <paramref name="trigger"/> under the calling
    /// workflow's own validation instance id. False when the checks could not run (a later sweep runs them).
    /// </summary>
    internal static async Task<bool> RevalidateUnhealthyAsync(TaskOrchestrationContext context, ConnectorProbeResult probe, ValidationTrigger trigger)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(probe);
        await RevertUnhealthyAsync(context, probe);
        return await ValidateAsync(context, probe.DatasetId, trigger);
    }

    private static Task RevertUnhealthyAsync(TaskOrchestrationContext context, ConnectorProbeResult probe)
        => context.CallActivityAsync(nameof(RevertToValidating), new RevertToValidatingInput(probe.DatasetId, "connector unhealthy: " + string.Join("; ", probe.Problems)), WorkflowRetry.Transient);

    private static async Task<bool> ValidateAsync(TaskOrchestrationContext context, DatasetId datasetId, ValidationTrigger trigger = ValidationTrigger.Sweep)
    {
        var result = await context.CallSubOrchestratorAsync<ValidationResult>(
            nameof(ValidateDataset),
            new ValidateDatasetInput(datasetId, trigger),
            new SubOrchestrationOptions { InstanceId = LifecycleWorkflows.SweepValidation(context.InstanceId, datasetId) });
        return result.Outcome != WorkflowOutcome.Unchecked;
    }

    private static async Task<ConnectorProbeResult?> ProbeAsync(TaskOrchestrationContext context, DatasetId datasetId)
    {
        try
        {
            return await context.CallActivityAsync<ConnectorProbeResult>(nameof(ProbeConnector), datasetId, WorkflowRetry.Transient);
        }
        catch (TaskFailedException)
        {
            // Could not even read the dataset: no verdict on its connector this time.
            return null;
        }
    }
}
