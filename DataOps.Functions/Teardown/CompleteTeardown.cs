using DataOps.Functions.Registry;
using DataOps.Functions.Workflows;
using Microsoft.DurableTask;

namespace DataOps.Functions.Teardown;

/// <summary>Marks the dataset ARCHIVED (with its archive location and size) and releases its claims.</summary>
internal sealed class CompleteTeardown(DatasetLoader datasets, IDatasetRegistry registry, TimeProvider time) : TaskActivity<CompleteTeardownInput, bool>
{
    /// <inheritdoc />
    public override async Task<bool> RunAsync(TaskActivityContext context, CompleteTeardownInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var dataset = await datasets.UpdateAsync(
            input.DatasetId,
            d =>
            {
                if (d.Status != Domain.Datasets.DatasetStatus.Archived)
                {
                    d.Archive(input.ArchiveLocation, d.SizeBytes, time.GetUtcNow());
                }
            },
            CancellationToken.None).ConfigureAwait(false);
        await registry.ReleaseClaimsAsync(dataset, CancellationToken.None).ConfigureAwait(false);
        return true;
    }
}
