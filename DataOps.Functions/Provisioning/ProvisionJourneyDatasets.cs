using DataOps.Domain.Datasets;
using DataOps.Domain.Events;
using DataOps.Functions.Workflows;
using Microsoft.DurableTask;

namespace DataOps.Functions.Provisioning;

/// <summary>
/// One provisioning request: announces it (<see cref="AnnounceProvisionRequest"/>), then fans out one <see cref="ProvisionDataset"/> per requested dataset type, at most
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
        if (input.RequestedAt is not null)
        {
            try
            {
                await context.CallActivityAsync<string>(nameof(AnnounceProvisionRequest), input, WorkflowRetry.Transient);
            }
            catch (TaskFailedException)
            {
                // The audit log could not take the request after every retry: the datasets are still provisioned (and
                // their own events audited); the request's event is what is missing.
            }
        }

        var results = new List<ProvisionDatasetResult>(input.DatasetTypes.Count);
        foreach (var batch in input.DatasetTypes.Chunk(MaxParallelPerStage))
        {
            var running = batch.Select(type =>
            {
                var datasetId = DatasetIdFor(context, input, type);
                var datasetInput = new ProvisionDatasetInput(datasetId, input.JourneyId, input.ClientId, input.ClientName, input.Industry, input.UseCase, input.Stage, type, TakesSeat: true);
                return context.CallSubOrchestratorAsync<ProvisionDatasetResult>(
                    nameof(ProvisionDataset),
                    datasetInput,
                    new SubOrchestrationOptions { InstanceId = LifecycleWorkflows.ProvisionDataset(context.InstanceId, type) });
            }).ToList();
            results.AddRange(await Task.WhenAll(running));
        }

        context.SetCustomStatus(new { ready = results.Count(r => r.Outcome == WorkflowOutcome.Ready), failed = results.Count(r => r.Outcome == WorkflowOutcome.Failed), alreadyActive = results.Count(r => r.Outcome == WorkflowOutcome.AlreadyActive), refused = results.Count(r => r.Outcome == WorkflowOutcome.Refused), @unchecked = results.Count(r => r.Outcome == WorkflowOutcome.Unchecked) });
        return new ProvisionJourneyResult(input.JourneyId, input.Stage, results);
    }

    /// <summary>
    /// The id of the request's dataset of <paramref name="type"/>: a name-based UUID of the request id and the type, the
    /// same however often this step runs. (<c>NewGuid</c> repeats only under replay of saved history: a step re-run after
    /// a host died before saving would name new datasets, and the one registered first would have no workflow left.)
    /// Inputs of instances started before requests carried an id fall back to it.
    /// </summary>
    internal static DatasetId DatasetIdFor(TaskOrchestrationContext context, ProvisionJourneyInput input, DatasetType type)
        => DatasetId.Create(input.RequestId is { } request
            ? DomainEventIds.FromName($"{request}\n{type.ToWireName()}")
            : context.NewGuid().ToString("D"));
}
