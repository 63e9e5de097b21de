using DataOps.Domain.Datasets;
using DataOps.Domain.Quality;

namespace DataOps.Functions.Validation;

/// <summary>Converts between the domain's check results and their workflow (JSON) form.</summary>
internal static class QualityCheckMapping
{
    public static QualityCheckOutcome ToOutcome(QualityCheckResult r) => new(
        r.Type,
        Math.Round(r.Score, 4),
        r.Threshold,
        r.Passed,
        r.Errors.Take(50).ToArray(),
        r.Warnings.Take(50).ToArray(),
        new Dictionary<string, string>(r.Details, StringComparer.Ordinal));

    public static QualityCheckResult ToResult(QualityCheckOutcome o) => new(
        o.CheckType,
        o.Score,
        o.Threshold,
        o.Passed,
        o.Errors,
        o.Warnings,
        o.Details);

    /// <summary>A check that does not apply to the dataset's stage (production datasets hold no records of ours).</summary>
    public static QualityCheckOutcome NotApplicable(QualityCheckType type, string why) => new(
        type,
        100,
        100,
        true,
        [],
        [],
        new Dictionary<string, string>(StringComparer.Ordinal) { ["notApplicable"] = why });
}
