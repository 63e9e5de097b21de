namespace DataOps.Functions.Validation;

/// <summary>The validation verdict: <c>ready</c> or <c>failed</c>.</summary>
public sealed record ValidationResult(string DatasetId, string Outcome, double Score, IReadOnlyList<string> FailedChecks, string Summary);
