using DataOps.Domain.Datasets;
using DataOps.Functions.Provisioning;
using DataOps.Functions.Workflows;
using Microsoft.DurableTask;

namespace DataOps.Functions.Teardown;

/// <summary>
/// A journey left a stage (or completed): updates the journey projection, waits while the stage left behind is still
/// provisioning, then tears down its datasets (all of the journey's datasets when it completed), each in its own
/// <see cref="TeardownDataset"/>.
/// </summary>
internal sealed class StageTransition : TaskOrchestrator<JourneyTransitionInput, IReadOnlyList<TeardownDatasetResult>>
{
    /// <summary>How often a stage change looks again whether the stage it leaves is still provisioning.</summary>
    public static readonly TimeSpan ProvisioningPollInterval = TimeSpan.FromSeconds(10);

    /// <summary>How long a stage change waits for the stage's provisioning before it tears down what there is.</summary>
    public static readonly TimeSpan ProvisioningWaitLimit = TimeSpan.FromHours(2);

    /// <inheritdoc />
    public override async Task<IReadOnlyList<TeardownDatasetResult>> RunAsync(TaskOrchestrationContext context, JourneyTransitionInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        await context.CallActivityAsync(nameof(UpdateJourneyProjection), input, WorkflowRetry.Transient);
        var stage = input.Completed ? null : input.FromStage;
        var query = new JourneyDatasetsQuery(input.JourneyId, stage, input.OccurredAt);

        // A stage change can overtake the stage's provisioning (it was requested minutes ago and is still validating):
        // wait for it, so every dataset of the stage is torn down, not only those registered so far.
        var giveUpAt = context.CurrentUtcDateTime + ProvisioningWaitLimit;
        while (await context.CallActivityAsync<bool>(nameof(ProvisioningInProgress), query, WorkflowRetry.Transient) && context.CurrentUtcDateTime < giveUpAt)
        {
            context.SetCustomStatus(new { phase = "waiting_for_provisioning" });
            await context.CreateTimer(context.CurrentUtcDateTime + ProvisioningPollInterval, CancellationToken.None);
        }

        var datasetIds = await context.CallActivityAsync<IReadOnlyList<DatasetId>>(nameof(ListJourneyDatasets), query, WorkflowRetry.Transient);
        var reason = input.Completed ? TeardownReason.JourneyCompleted : TeardownReason.StageTransition;
        var teardowns = datasetIds.Select(id => LifecycleWorkflows.CallTeardownAsync(context, new TeardownDatasetInput(id, reason, Force: false, input.GracePeriod)));
        return await Task.WhenAll(teardowns);
    }
}
