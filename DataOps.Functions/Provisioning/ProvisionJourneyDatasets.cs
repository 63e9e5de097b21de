using DataOps.Domain.Datasets;
using DataOps.Functions.Workflows;
using Microsoft.DurableTask;

namespace DataOps.Functions.Provisioning;

/// <summary>
/// One provisioning request: fans out one <see cref="ProvisionDataset"/> per requested dataset type, at most
/// <see cref="MaxParallelPerStage"/> at a time (the seeds' limit of 10 parallel provisions per stage), and reports
/// each dataset's outcome.
/// </summary>
internal sealed class ProvisionJourneyDatasets : TaskOrchestrator<ProvisionJourneyInput, ProvisionJourneyResult>
{
    /// <summary>Parallel dataset provisions per request.</summary>
    public const int MaxParallelPerStage = 10;

    /// <inheritdoc />
    public override async Task<ProvisionJourneyResult> RunAsync(TaskOrchestrationContext context, ProvisionJourneyInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var results = new List<ProvisionDatasetResult>(input.DatasetTypes.Count);
        foreach (var batch in input.DatasetTypes.Chunk(MaxParallelPerStage))
        {
            var running = batch.Select(type =>
            {
                // NewGuid is deterministic under replay, so the ids survive restarts.
                var datasetId = DatasetId.Create(context.NewGuid().ToString("D"));
                var datasetInput = new ProvisionDatasetInput(datasetId, input.JourneyId, input.ClientId, input.ClientName, input.Industry, input.UseCase, input.Stage, type);
                return context.CallSubOrchestratorAsync<ProvisionDatasetResult>(
                    nameof(ProvisionDataset),
                    datasetInput,
                    new SubOrchestrationOptions { InstanceId = LifecycleWorkflows.ProvisionDataset(context.InstanceId, type) });
            }).ToList();
            results.AddRange(await Task.WhenAll(running));
        }

        context.SetCustomStatus(new { ready = results.Count(r => r.Outcome == WorkflowOutcome.Ready), failed = results.Count(r => r.Outcome == WorkflowOutcome.Failed), alreadyActive = results.Count(r => r.Outcome == WorkflowOutcome.AlreadyActive) });
        return new ProvisionJourneyResult(input.JourneyId, input.Stage, results);
    }
}
