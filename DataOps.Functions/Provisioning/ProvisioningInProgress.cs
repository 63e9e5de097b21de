using DataOps.Domain.Datasets;
using DataOps.Functions.Teardown;
using DataOps.Functions.Workflows;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace DataOps.Functions.Provisioning;

/// <summary>
/// Whether the journey is still provisioning the stage (every stage when none is named): its
/// <c>provision:{journey}:{stage}</c> orchestration is pending or running. A stage change waits for it, so that it
/// tears down every dataset of the stage, not only those registered so far.
/// </summary>
internal sealed class ProvisioningInProgress(DurableTaskClient client) : TaskActivity<JourneyDatasetsQuery, bool>
{
    /// <inheritdoc />
    public override async Task<bool> RunAsync(TaskActivityContext context, JourneyDatasetsQuery input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        foreach (var stage in input.Stage is { } one ? [one] : Enum.GetValues<Stage>())
        {
            var instance = await client.GetInstanceAsync(LifecycleWorkflows.Provision(input.JourneyId, stage), false, CancellationToken.None).ConfigureAwait(false);
            if (instance is { IsRunning: true })
            {
                return true;
            }
        }

        return false;
    }
}
