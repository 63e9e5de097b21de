using DataOps.Durable;
using DataOps.Functions.Activities;
using DataOps.Functions.Workflows;

namespace DataOps.Functions.Orchestrations;

/// <summary>
/// A journey left a stage (or completed): updates the journey projection, then tears down the datasets of the stage
/// left behind (all of the journey's datasets when it completed), each in its own <see cref="TeardownDataset"/>.
/// </summary>
public sealed class StageTransition : TaskOrchestrator<JourneyTransitionInput, IReadOnlyList<TeardownDatasetResult>>
{
    /// <inheritdoc />
    public override async Task<IReadOnlyList<TeardownDatasetResult>> RunAsync(TaskOrchestrationContext context, JourneyTransitionInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        await context.CallActivityAsync(nameof(UpdateJourneyProjection), input, WorkflowRetry.Transient);
        var stage = input.Completed ? null : input.FromStage;
        var datasetIds = await context.CallActivityAsync<IReadOnlyList<string>>(nameof(ListJourneyDatasets), new JourneyDatasetsQuery(input.JourneyId, stage), WorkflowRetry.Transient);
        var reason = input.Completed ? "journey_completed" : "stage_transition";
        var teardowns = datasetIds.Select(id => TeardownDataset.CallAsync(context, new TeardownDatasetInput(id, reason, Force: false, input.GracePeriod)));
        return await Task.WhenAll(teardowns);
    }
}
