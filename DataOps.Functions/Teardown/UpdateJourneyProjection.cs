using DataOps.Domain.Datasets;
using DataOps.Functions.Registry;
using Microsoft.DurableTask;

namespace DataOps.Functions.Teardown;

/// <summary>Feeds a journey event into the journey projection (idempotent; older events are ignored).</summary>
internal sealed class UpdateJourneyProjection(JourneyProjectionStore journeys) : TaskActivity<JourneyTransitionInput, bool>
{
    /// <inheritdoc />
    public override async Task<bool> RunAsync(TaskActivityContext context, JourneyTransitionInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        await journeys.ApplyAsync(input.JourneyId.Value, input.ClientId.Value, input.ToStage?.ToWireName(), input.Completed, input.OccurredAt, CancellationToken.None).ConfigureAwait(false);
        return true;
    }
}
