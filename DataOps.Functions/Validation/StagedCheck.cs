using DataOps.Domain.Datasets;
using DataOps.Domain.Quality;
using DataOps.Functions.Provisioning;
using DataOps.Functions.Staging;

namespace DataOps.Functions.Validation;

/// <summary>
/// Runs a check over the staged copy of the dataset's current attempt: the records population pushed, read back one at
/// a time. A copy that cannot be read fails the check (score 0) with the reason: the records in Glean cannot be vouched
/// for. A dataset populated before copies were kept is staged from the source first, with a warning saying so.
/// </summary>
internal static class StagedCheck
{
    /// <summary>The detail naming the staged copy a check read.</summary>
    public const string StagedCopyDetail = "stagedCopy";

    /// <summary>Opens the copy, runs <paramref name="evaluate"/> over it and names the copy in the result's details.</summary>
    public static async Task<QualityCheckOutcome> RunAsync(
        DatasetStaging staging,
        Dataset dataset,
        QualityCheckType type,
        double threshold,
        Func<StagedRecords, Task<QualityCheckResult>> evaluate,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(staging);
        ArgumentNullException.ThrowIfNull(evaluate);
        var (staged, restaged) = await staging.OpenForCheckAsync(dataset, cancellationToken).ConfigureAwait(false);
        await using var _ = staged;

        QualityCheckResult result;
        try
        {
            result = await evaluate(staged).ConfigureAwait(false);
        }
        catch (InvalidDataException ex)
        {
            result = Failed(type, threshold, $"the staged copy {staged.Copy.Location} cannot be read ({ex.Message}), so the records pushed to Glean cannot be checked; retry the dataset to stage and push its records again", staged.Copy.Location);
        }

        var details = new Dictionary<string, string>(result.Details, StringComparer.Ordinal) { [StagedCopyDetail] = staged.Copy.Location };
        var warnings = restaged is null ? result.Warnings : [.. result.Warnings, restaged];
        return QualityCheckMapping.ToOutcome(new QualityCheckResult(result.Type, result.Score ?? 0, result.Threshold, result.Passed, result.Errors, warnings, details));
    }

    private static QualityCheckResult Failed(QualityCheckType type, double threshold, string error, string? location)
        => new(type, 0, threshold, false, [error], [], location is null ? new Dictionary<string, string>(StringComparer.Ordinal) : new Dictionary<string, string>(StringComparer.Ordinal) { [StagedCopyDetail] = location });
}
