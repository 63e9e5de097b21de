using DataOps.Domain.Datasets;
using DataOps.Functions.Validation;
using DataOps.Functions.Workflows;
using Microsoft.DurableTask;

namespace DataOps.Functions.Watch;

/// <summary>
/// Probes the connectors of READY datasets in bounded batches; a dataset whose connector is unhealthy goes back to
/// VALIDATING and is revalidated (and ends READY again or FAILED).
/// </summary>
internal sealed class ConnectorHealthSweep : TaskOrchestrator<HealthSweepInput, ScanResult>
{
    /// <inheritdoc />
    public override async Task<ScanResult> RunAsync(TaskOrchestrationContext context, HealthSweepInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var ready = await context.CallActivityAsync<IReadOnlyList<DatasetId>>(nameof(ListReadyDatasets), null, WorkflowRetry.Transient);
        var reverted = new List<DatasetId>();
        foreach (var batch in ready.Chunk(Math.Max(1, input.BatchSize)))
        {
            var probes = await Task.WhenAll(batch.Select(id => context.CallActivityAsync<ConnectorProbeResult>(nameof(ProbeConnector), id, WorkflowRetry.Transient)));
            var unhealthy = probes.Where(p => !p.Healthy).ToList();
            foreach (var probe in unhealthy)
            {
                await context.CallActivityAsync(nameof(RevertToValidating), new RevertToValidatingInput(probe.DatasetId, "connector unhealthy: " + string.Join("; ", probe.Problems)), WorkflowRetry.Transient);
            }

            await Task.WhenAll(unhealthy.Select(p => context.CallSubOrchestratorAsync<ValidationResult>(
                nameof(ValidateDataset),
                new ValidateDatasetInput(p.DatasetId),
                new SubOrchestrationOptions { InstanceId = LifecycleWorkflows.SweepValidation(context.InstanceId, p.DatasetId) })));
            reverted.AddRange(unhealthy.Select(p => p.DatasetId));
        }

        return new ScanResult(ready.Count, reverted);
    }
}
