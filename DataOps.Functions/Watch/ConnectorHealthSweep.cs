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
/// READY datasets a batch to an activity (<see cref="ProbeConnectors"/>, paced by Glean's background share of requests),
/// and reports how far the probes reached (<see cref="SweepCoverage"/>); a dataset whose connector is unhealthy goes back to VALIDATING and is revalidated
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
        int probed = 0, skipped = 0, unprobed = 0;
        var probesStarted = context.CurrentUtcDateTime;
        foreach (var batch in ready.Chunk(input.ProbeBatchSize > 0 ? input.ProbeBatchSize : HealthSweepInput.DefaultProbeBatchSize))
        {
            var probes = await ProbeAsync(context, batch);
            probed += probes?.Verdicts.Count ?? 0;
            skipped += probes?.Skipped ?? 0;
            unprobed += probes?.Unprobed ?? batch.Length;
            context.SetCustomStatus(new { ready = ready.Count, probed, unprobed, reverted = reverted.Count, previousPass = input.PreviousPass });
            var unhealthy = probes?.Verdicts.Where(p => !p.Healthy).ToList() ?? [];
            foreach (var chunk in unhealthy.Chunk(batchSize))
            {
                foreach (var probe in chunk)
                {
                    await RevertUnhealthyAsync(context, probe);
                }

                await Task.WhenAll(chunk.Select(p => ValidateAsync(context, p.DatasetId, ValidationTrigger.Sweep)));
                reverted.AddRange(chunk.Select(p => p.DatasetId));
            }
        }

        var coverage = new SweepCoverage(ready.Count, probed, skipped, unprobed, probesStarted, context.CurrentUtcDateTime);
        if (input.Interval > TimeSpan.Zero && coverage.Duration >= input.Interval)
        {
            // The timer would only start the next pass at its next tick: start it now, so no dataset waits two periods.
            context.ContinueAsNew(input with { PreviousPass = coverage });
        }

        return new ScanResult(ready.Count, reverted, repaired, coverage);
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

    private static async Task<ProbeBatchResult?> ProbeAsync(TaskOrchestrationContext context, IReadOnlyList<DatasetId> batch)
    {
        try
        {
            return await context.CallActivityAsync<ProbeBatchResult>(nameof(ProbeConnectors), batch, WorkflowRetry.Transient);
        }
        catch (TaskFailedException)
        {
            // Could not even start the batch: no verdict on these connectors this time.
            return null;
        }
    }
}
