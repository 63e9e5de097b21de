using DataOps.Domain.Datasets;
using DataOps.Domain.Quality;
using DataOps.Functions.Workflows;
using Microsoft.DurableTask;

namespace DataOps.Functions.Validation;

/// <summary>
/// Scores the four checks (weights and thresholds from the Decisions table), keeps them in the quality history and
/// moves the dataset VALIDATING -> READY or FAILED. A retry finds the dataset already moved and changes nothing.
/// </summary>
internal sealed class RecordValidation(DatasetLoader datasets, QualityHistoryStore history, QualityRunContext runs) : TaskActivity<RecordValidationInput, ValidationResult>
{
    /// <inheritdoc />
    public override async Task<ValidationResult> RunAsync(TaskActivityContext context, RecordValidationInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var decision = QualityEvaluation.Decide(input.Checks.Select(QualityCheckMapping.ToResult), input.ValidatedAt);
        var run = await runs.DescribeAsync(input.DatasetId, input.ValidatedAt, input.Trigger, CancellationToken.None).ConfigureAwait(false);
        await history.SaveRunAsync(
            run with { Score = decision.Score.Overall, Outcome = decision.IsReady ? WorkflowOutcome.Ready : WorkflowOutcome.Failed, Checks = input.Checks },
            CancellationToken.None).ConfigureAwait(false);
        await datasets.UpdateAsync(
            input.DatasetId,
            d =>
            {
                if (d.Status != DatasetStatus.Validating)
                {
                    return;
                }

                if (decision.IsReady)
                {
                    d.MarkReady(decision.Score, input.ValidatedAt);
                }
                else
                {
                    d.MarkFailed(decision, input.ValidatedAt);
                }
            },
            CancellationToken.None).ConfigureAwait(false);
        return new ValidationResult(
            input.DatasetId,
            decision.IsReady ? WorkflowOutcome.Ready : WorkflowOutcome.Failed,
            decision.Score.Overall,
            decision.Score.FailedChecks.ToArray(),
            decision.Summary);
    }
}
