using DataOps.Domain.Datasets;
using DataOps.Domain.Registry;
using DataOps.Functions.Registry;
using DataOps.Functions.Workflows;
using Microsoft.DurableTask;

namespace DataOps.Functions.Teardown;

/// <summary>
/// Applies the teardown safety rule (refused while the journey is active in the dataset's own stage, unless the reason
/// is manual with force) and moves the dataset to TEARDOWN. A dataset already in TEARDOWN continues.
/// </summary>
internal sealed class BeginTeardown(DatasetLoader datasets, JourneyProjectionStore journeys, TimeProvider time) : TaskActivity<TeardownDatasetInput, TeardownStart>
{
    /// <inheritdoc />
    public override async Task<TeardownStart> RunAsync(TaskActivityContext context, TeardownDatasetInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var dataset = (await datasets.LoadAsync(input.DatasetId, CancellationToken.None).ConfigureAwait(false)).Dataset;
        switch (dataset.Status)
        {
            case DatasetStatus.Archived:
                return new TeardownStart(false, $"dataset '{input.DatasetId}' is already archived");
            case DatasetStatus.Teardown:
                return new TeardownStart(true, null);
        }

        var journey = await journeys.GetAsync(dataset.JourneyId.Value, CancellationToken.None).ConfigureAwait(false);
        var safety = TeardownSafety.Check(dataset, journey?.ToState(), input.Reason, input.Force);
        if (!safety.Allowed)
        {
            return new TeardownStart(false, safety.Reason);
        }

        await datasets.UpdateAsync(input.DatasetId, d => d.StartTeardown(input.Reason, time.GetUtcNow()), CancellationToken.None).ConfigureAwait(false);
        return new TeardownStart(true, null);
    }
}
