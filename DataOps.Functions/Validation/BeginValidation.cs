using DataOps.Domain.Datasets;
using DataOps.Functions.Workflows;
using Microsoft.DurableTask;

namespace DataOps.Functions.Validation;

/// <summary>
/// PROVISIONING -> VALIDATING (a no-op in any other status). True when the dataset is VALIDATING afterwards, so the
/// provisioning goes on to validate it; false when it has moved on without this provisioning (READY, torn down, FAILED),
/// so nothing must be checked: a second execution of the same provisioning, delivered twice after a host died or storage
/// restarted and arriving late, would otherwise search a connector its dataset may no longer own.
/// </summary>
internal sealed class BeginValidation(DatasetLoader datasets, TimeProvider time) : TaskActivity<DatasetId, bool>
{
    /// <inheritdoc />
    public override async Task<bool> RunAsync(TaskActivityContext context, DatasetId input)
    {
        ArgumentNullException.ThrowIfNull(context);
        var status = DatasetStatus.Provisioning;
        await datasets.UpdateAsync(
            input,
            d =>
            {
                if (d.Status == DatasetStatus.Provisioning)
                {
                    d.StartValidation(time.GetUtcNow());
                }

                status = d.Status;
            },
            CancellationToken.None).ConfigureAwait(false);
        return status == DatasetStatus.Validating;
    }
}
