using DataOps.Functions.Workflows;
using Microsoft.DurableTask;
using Microsoft.Extensions.Options;

namespace DataOps.Functions.Provisioning;

/// <summary>
/// Takes one of the stage's <c>DataOps:Provisioning:MaxParallelPerStage</c> seats for a provision; false when every
/// seat is held by a live provision (the orchestration waits and tries again). Holding it already counts as taken, so a
/// retried run of this activity is harmless.
/// </summary>
internal sealed class TakeProvisioningSeat(ProvisioningSlots seats, IOptions<WorkflowOptions> options) : TaskActivity<ProvisioningSeatRequest, bool>
{
    /// <inheritdoc />
    public override Task<bool> RunAsync(TaskActivityContext context, ProvisioningSeatRequest input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        return seats.TryTakeAsync(input.Stage, input.DatasetId, options.Value.Provisioning.MaxParallelPerStage, CancellationToken.None);
    }
}
