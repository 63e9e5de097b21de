
namespace DataOps.Functions.Validation;

/// <summary>One check of one validation run.</summary>
/// <param name="ValidatedAt">When the run happened.</param>
/// <param name="Check">The check's outcome.</param>
public sealed record QualityHistoryEntry(DateTimeOffset ValidatedAt, QualityCheckOutcome Check);
