using Microsoft.DurableTask;

namespace DataOps.Functions.Provisioning;

/// <summary>Gives up a provision's stage seat (nothing when it holds none).</summary>
internal sealed class ReleaseProvisioningSeat(ProvisioningSlots seats) : TaskActivity<ProvisioningSeatRequest, bool>
{
    /// <inheritdoc />
    public override async Task<bool> RunAsync(TaskActivityContext context, ProvisioningSeatRequest input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        await seats.ReleaseAsync(input.Stage, input.DatasetId, CancellationToken.None).ConfigureAwait(false);
        return true;
    }
}
