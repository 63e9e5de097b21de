using DataOps.Domain.Datasets;

namespace DataOps.Functions.Validation;

/// <summary>One quality check's outcome, as computed by the domain evaluators.</summary>
public sealed record QualityCheckOutcome(
    QualityCheckType CheckType,
    double Score,
    double Threshold,
    bool Passed,
    IReadOnlyList<string> Errors,
    IReadOnlyList<string> Warnings,
    IReadOnlyDictionary<string, string> Details);
