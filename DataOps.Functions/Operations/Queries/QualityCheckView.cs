namespace DataOps.Functions.Operations.Queries;

/// <summary>One quality check of one validation run.</summary>
/// <param name="ValidatedAt">When the run happened.</param>
/// <param name="CheckType">The check (schema, completeness, ...).</param>
/// <param name="Score">Its score.</param>
/// <param name="Threshold">The score it had to reach.</param>
/// <param name="Passed">Whether it passed.</param>
/// <param name="Errors">What failed it.</param>
/// <param name="Warnings">What it noticed without failing.</param>
public sealed record QualityCheckView(
    DateTimeOffset ValidatedAt,
    string CheckType,
    double Score,
    double Threshold,
    bool Passed,
    IReadOnlyList<string> Errors,
    IReadOnlyList<string> Warnings);
