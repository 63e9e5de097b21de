namespace DataOps.Functions.Operations.Quality;

/// <summary>One validation run as <c>GET /api/datasets/{id}/quality</c> shows it.</summary>
/// <param name="ValidatedAt">When it ended.</param>
/// <param name="Score">Its weighted overall score; null when the checks could not run.</param>
/// <param name="Outcome"><c>ready</c>, <c>failed</c> or <c>unchecked</c>.</param>
/// <param name="Trigger"><c>provisioning</c>, <c>retry</c>, <c>manual</c>, <c>sweep</c>, <c>restore</c> or <c>sync</c>; null for runs kept before triggers were.</param>
/// <param name="TemplateId">The template the dataset was built from.</param>
/// <param name="TemplateVersion">Its version at the time of the run.</param>
/// <param name="Checks">Each check's score (null when it does not apply) and whether it passed.</param>
public sealed record QualityRunView(
    DateTimeOffset ValidatedAt,
    double? Score,
    string Outcome,
    string? Trigger,
    string? TemplateId,
    string? TemplateVersion,
    IReadOnlyList<QualityRunCheck> Checks);

/// <summary>One check of a run.</summary>
/// <param name="CheckType">Which check.</param>
/// <param name="Score">Its score; null when it does not apply.</param>
/// <param name="Threshold">The score it had to reach.</param>
/// <param name="Passed">Whether it passed.</param>
public sealed record QualityRunCheck(string CheckType, double? Score, double Threshold, bool Passed);

/// <summary>A dataset's quality over time, as <c>GET /api/datasets/{id}/quality</c> answers.</summary>
/// <param name="DatasetId">The dataset.</param>
/// <param name="ReadyThreshold">The score a run must reach for READY.</param>
/// <param name="Runs">Every validation run, oldest first.</param>
public sealed record DatasetQuality(string DatasetId, double ReadyThreshold, IReadOnlyList<QualityRunView> Runs);
