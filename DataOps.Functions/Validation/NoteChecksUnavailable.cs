using DataOps.Domain.Datasets;
using DataOps.Functions.Workflows;
using Microsoft.DurableTask;

namespace DataOps.Functions.Validation;

/// <summary>
/// Records on a VALIDATING dataset that its checks could not run (it stays VALIDATING for the health sweep to validate
/// again); no-op in any other status.
/// </summary>
internal sealed class NoteChecksUnavailable(DatasetLoader datasets, QualityHistoryStore history, QualityRunContext runs, TimeProvider time) : TaskActivity<NoteChecksUnavailableInput, bool>
{
    /// <inheritdoc />
    public override async Task<bool> RunAsync(TaskActivityContext context, NoteChecksUnavailableInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var validatedAt = input.ValidatedAt ?? time.GetUtcNow();
        var run = await runs.DescribeAsync(input.DatasetId, validatedAt, input.Trigger, CancellationToken.None).ConfigureAwait(false);
        await history.SaveRunAsync(run with { Checks = input.Checks ?? [] }, CancellationToken.None).ConfigureAwait(false);
        var dataset = await datasets.UpdateAsync(
            input.DatasetId,
            d =>
            {
                if (d.Status == DatasetStatus.Validating)
                {
                    d.NoteChecksUnavailable(input.Reason.Length <= 2000 ? input.Reason : input.Reason[..2000], time.GetUtcNow());
                }
            },
            CancellationToken.None).ConfigureAwait(false);
        return dataset.Status == DatasetStatus.Validating;
    }
}
