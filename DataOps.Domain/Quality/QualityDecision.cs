namespace DataOps.Domain.Quality;

/// <summary>The verdict of a validation run: the score, the check results it came from and a one-line summary.</summary>
/// <param name="Score">The quality score, with <see cref="QualityScore.MeetsReadyRule"/> as the verdict.</param>
/// <param name="Checks">The four check results, in check order.</param>
/// <param name="Summary">E.g. "ready: overall 98.5 &gt;= 95, all checks passed" or "failed: schema 90 (threshold 100); ...".</param>
public sealed record QualityDecision(QualityScore Score, IReadOnlyList<QualityCheckResult> Checks, string Summary)
{
    /// <summary>Whether the dataset may be marked READY.</summary>
    public bool IsReady => Score.MeetsReadyRule;
}
