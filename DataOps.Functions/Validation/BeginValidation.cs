using DataOps.Domain.Datasets;
using DataOps.Functions.Workflows;
using Microsoft.DurableTask;

namespace DataOps.Functions.Validation;

/// <summary>PROVISIONING -> VALIDATING (a no-op in any other status).</summary>
internal sealed class BeginValidation(DatasetLoader datasets, TimeProvider time) : TaskActivity<DatasetId, bool>
{
    /// <inheritdoc />
    public override async Task<bool> RunAsync(TaskActivityContext context, DatasetId input)
    {
        ArgumentNullException.ThrowIfNull(context);
        // Only from PROVISIONING: a dataset already validating, or past it (a second execution of the same provisioning,
        // delivered twice after a host died, arriving late), is left as it is.
        await datasets.UpdateAsync(
            input,
            d =>
            {
                if (d.Status == DatasetStatus.Provisioning)
                {
                    d.StartValidation(time.GetUtcNow());
                }
            },
            CancellationToken.None).ConfigureAwait(false);
        return true;
    }
}
