using DataOps.Domain.Datasets;
using DataOps.Functions.Workflows;
using Microsoft.DurableTask;

namespace DataOps.Functions.Teardown;

/// <summary>
/// Records when the grace period ends, or moves it later when <see cref="GracePeriodInput.Reason"/> is given (an
/// operator's extension, audited by the domain's event). Returns the end in force: a teardown resumed after a failure
/// keeps the end first promised (or extended) instead of starting a new full period.
/// </summary>
internal sealed class StartGracePeriod(DatasetLoader datasets, TimeProvider time) : TaskActivity<GracePeriodInput, DateTimeOffset>
{
    /// <inheritdoc />
    public override async Task<DateTimeOffset> RunAsync(TaskActivityContext context, GracePeriodInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var dataset = await datasets.UpdateAsync(
            input.DatasetId,
            d =>
            {
                if (d.Status != DatasetStatus.Teardown)
                {
                    return;
                }

                if (input.Reason is { } reason && d.DeleteAfter is { } current && input.DeleteAfter > current)
                {
                    d.ExtendGracePeriod(input.DeleteAfter, reason, time.GetUtcNow());
                }
                else
                {
                    d.StartGracePeriod(input.DeleteAfter, time.GetUtcNow());
                }
            },
            CancellationToken.None).ConfigureAwait(false);
        return dataset.DeleteAfter ?? input.DeleteAfter;
    }
}
