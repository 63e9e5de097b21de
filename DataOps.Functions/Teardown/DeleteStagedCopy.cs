using DataOps.Domain.Datasets;
using DataOps.Functions.Staging;
using Microsoft.DurableTask;

namespace DataOps.Functions.Teardown;

/// <summary>
/// After the grace period, once the archive holds the dataset's sample: deletes the staged copies of every attempt and
/// verifies none is left. They stay through the grace period, because a cancelled teardown revalidates the dataset and
/// the checks read the copy. Safe to repeat: a second run finds nothing to delete. Returns how many copies went.
/// </summary>
internal sealed class DeleteStagedCopy(StagedCopyStore copies) : TaskActivity<DatasetId, int>
{
    /// <inheritdoc />
    public override async Task<int> RunAsync(TaskActivityContext context, DatasetId input)
    {
        ArgumentNullException.ThrowIfNull(context);
        var deleted = await copies.DeleteAllAsync(input, CancellationToken.None).ConfigureAwait(false);
        var left = await copies.ListAsync(input, CancellationToken.None).ConfigureAwait(false);
        if (left.Count != 0)
        {
            throw new InvalidOperationException($"Dataset '{input.Value}' still has {left.Count} staged copies after deleting: {string.Join(", ", left)}.");
        }

        return deleted;
    }
}
