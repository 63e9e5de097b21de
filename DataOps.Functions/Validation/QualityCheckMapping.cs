using DataOps.Domain.Datasets;
using DataOps.Domain.Quality;

namespace DataOps.Functions.Validation;

/// <summary>Converts between the domain's check results and their workflow (JSON) form.</summary>
internal static class QualityCheckMapping
{
    public static QualityCheckOutcome ToOutcome(QualityCheckResult r) => new(
        r.Type,
        r.Score is { } score ? Math.Round(score, 4) : null,
        r.Threshold,
        r.Passed,
        r.Errors.Take(50).ToArray(),
        r.Warnings.Take(50).ToArray(),
        new Dictionary<string, string>(r.Details, StringComparer.Ordinal),
        !r.IsApplicable);

    public static QualityCheckResult ToResult(QualityCheckOutcome o) => IsNotApplicable(o)
        ? QualityCheckResult.NotApplicable(o.CheckType, Reason(o), o.Threshold)
        : new(o.CheckType, o.Score.GetValueOrDefault(), o.Threshold, o.Passed, o.Errors, o.Warnings, o.Details);

    /// <summary>A check that does not apply to the dataset's stage (production datasets hold no records of ours).</summary>
    public static QualityCheckOutcome NotApplicable(QualityCheckType type, string why) => ToOutcome(QualityCheckResult.NotApplicable(type, why));

    /// <summary>
    /// Whether the check did not apply. Outcomes written before the flag existed marked it only with a
    /// <c>notApplicable</c> detail (and a stand-in score of 100): they read as not applicable too.
    /// </summary>
    public static bool IsNotApplicable(QualityCheckOutcome o)
    {
        ArgumentNullException.ThrowIfNull(o);
        return o.NotApplicable || o.Score is null || o.Details.ContainsKey(QualityCheckResult.NotApplicableDetail);
    }

    private static string Reason(QualityCheckOutcome o)
        => o.Details.TryGetValue(QualityCheckResult.NotApplicableDetail, out var why) && !string.IsNullOrWhiteSpace(why) ? why : "the check does not apply";
}
