namespace DataOps.Functions.Operations.Queries;

/// <summary>One quality check of one validation run.</summary>
/// <param name="ValidatedAt">When the run happened.</param>
/// <param name="CheckType">The check (schema, completeness, ...).</param>
/// <param name="Score">Its score; null when the check did not apply.</param>
/// <param name="Threshold">The score it had to reach.</param>
/// <param name="Passed">Whether it passed (a check that did not apply never fails).</param>
/// <param name="Errors">What failed it.</param>
/// <param name="Warnings">What it noticed without failing.</param>
/// <param name="NotApplicable">The check did not apply to the dataset (production: schema and completeness) and counts for nothing in the overall score.</param>
/// <param name="NotApplicableReason">Why it did not apply.</param>
/// <param name="Details">
/// What the check measured, by name; the sample-query check says per query what was expected, found and missing
/// (<c>query01</c>...), lists every document its queries did not find (<c>missingDocuments</c>) and who searched (<c>searchedAs</c>).
/// </param>
public sealed record QualityCheckView(
    DateTimeOffset ValidatedAt,
    string CheckType,
    double? Score,
    double Threshold,
    bool Passed,
    IReadOnlyList<string> Errors,
    IReadOnlyList<string> Warnings,
    bool NotApplicable,
    string? NotApplicableReason,
    IReadOnlyDictionary<string, string>? Details = null);
