using DataOps.Domain.Datasets;
using DataOps.Functions.Workflows;
using Microsoft.DurableTask;

namespace DataOps.Functions.Validation;

/// <summary>READY -> VALIDATING because its connector turned unhealthy (no-op in any other status).</summary>
internal sealed class RevertToValidating(DatasetLoader datasets, TimeProvider time) : TaskActivity<RevertToValidatingInput, bool>
{
    /// <inheritdoc />
    public override async Task<bool> RunAsync(TaskActivityContext context, RevertToValidatingInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        await datasets.UpdateAsync(
            input.DatasetId,
            d =>
            {
                if (d.Status == DatasetStatus.Ready)
                {
                    d.RevertToValidating(input.Reason, time.GetUtcNow());
                }
            },
            CancellationToken.None).ConfigureAwait(false);
        return true;
    }
}
