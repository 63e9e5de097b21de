using DataOps.Domain.Datasets;

namespace DataOps.Functions.Validation;

/// <summary>One quality check's outcome, as computed by the domain evaluators.</summary>
/// <param name="CheckType">Which check.</param>
/// <param name="Score">Its score, 0-100; null when the check does not apply.</param>
/// <param name="Threshold">The score it had to reach (or would have, when it does not apply).</param>
/// <param name="Passed">Whether it passed; a check that does not apply never fails.</param>
/// <param name="Errors">What failed it.</param>
/// <param name="Warnings">What it noticed without failing.</param>
/// <param name="Details">Measured values by name; <c>notApplicable</c> says why a check does not apply.</param>
/// <param name="NotApplicable">
/// The check does not apply to the dataset (production: schema and completeness), so it has no score and the overall
/// score leaves it out. Outcomes written before this flag existed lack it; <see cref="QualityCheckMapping"/> reads them.
/// </param>
public sealed record QualityCheckOutcome(
    QualityCheckType CheckType,
    double? Score,
    double Threshold,
    bool Passed,
    IReadOnlyList<string> Errors,
    IReadOnlyList<string> Warnings,
    IReadOnlyDictionary<string, string> Details,
    bool NotApplicable = false);
