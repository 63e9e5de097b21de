using DataOps.Domain.Datasets;
using DataOps.Functions.Workflows;
using Microsoft.DurableTask;

namespace DataOps.Functions.Validation;

/// <summary>PROVISIONING -> VALIDATING (a no-op when already validating).</summary>
internal sealed class BeginValidation(DatasetLoader datasets, TimeProvider time) : TaskActivity<DatasetId, bool>
{
    /// <inheritdoc />
    public override async Task<bool> RunAsync(TaskActivityContext context, DatasetId input)
    {
        ArgumentNullException.ThrowIfNull(context);
        await datasets.UpdateAsync(input, d => d.StartValidation(time.GetUtcNow()), CancellationToken.None).ConfigureAwait(false);
        return true;
    }
}
