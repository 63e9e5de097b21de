namespace DataOps.Functions.Reports;

/// <summary>One validation run as the quality trends report reads it.</summary>
/// <param name="DatasetId">The dataset validated.</param>
/// <param name="ValidatedAt">When the run happened.</param>
/// <param name="Score">Its overall score (0-100); null when it has none (its checks could not run).</param>
/// <param name="Outcome"><c>ready</c>, <c>failed</c> or <c>unchecked</c>.</param>
/// <param name="ClientId">The dataset's client.</param>
/// <param name="Stage">The dataset's stage (wire name).</param>
/// <param name="TemplateId">The template it was built from; null for a stage that uses none.</param>
/// <param name="TemplateVersion">That template's version at the time of the run; null when unknown.</param>
/// <param name="FailedChecks">The checks that failed in the run (wire names).</param>
public sealed record QualityRunFacts(
    string DatasetId,
    DateTimeOffset ValidatedAt,
    double? Score,
    string Outcome,
    string ClientId,
    string Stage,
    string? TemplateId,
    string? TemplateVersion,
    IReadOnlyList<string> FailedChecks);
