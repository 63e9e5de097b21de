using DataOps.Domain.Datasets;
using DataOps.Functions.Teardown;
using DataOps.Functions.Workflows;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;

namespace DataOps.Functions.Watch;

/// <summary>
/// Starts a stalled dataset's teardown again (<c>teardown:{datasetId}</c>, unless one runs), with its own reason; the
/// teardown carries on where the dataset stands and its grace period keeps the end already recorded. Does not wait for
/// it: a grace period outlasts any sweep. True when this started it.
/// </summary>
internal sealed class ResumeTeardown(DatasetLoader datasets, DurableTaskClient client, IOptions<WorkflowOptions> options) : TaskActivity<DatasetId, bool>
{
    /// <inheritdoc />
    public override async Task<bool> RunAsync(TaskActivityContext context, DatasetId input)
    {
        ArgumentNullException.ThrowIfNull(context);
        var dataset = (await datasets.LoadAsync(input, CancellationToken.None).ConfigureAwait(false)).Dataset;
        if (dataset.Status != DatasetStatus.Teardown)
        {
            return false;
        }

        var teardown = new TeardownDatasetInput(input, dataset.TeardownReason ?? TeardownReason.Manual, Force: false, options.Value.Teardown.GracePeriod);
        return await LifecycleWorkflows.StartOnceAsync(client, nameof(TeardownDataset), teardown, LifecycleWorkflows.Teardown(input), onlyIfNotRunning: true, CancellationToken.None).ConfigureAwait(false);
    }
}
