using DataOps.Domain.Common;
using DataOps.Domain.Datasets;

namespace DataOps.Domain.Quality;

/// <summary>
/// The outcome of one quality check: score (0-100), the threshold it was held to, whether it passed, the
/// errors that made records or probes fail, warnings that did not count against it, and details (counts,
/// timings) for the quality history.
/// </summary>
public sealed record QualityCheckResult
{
    /// <summary>Creates a result; throws <see cref="DomainValidationException"/> for a score or threshold outside [0, 100].</summary>
    public QualityCheckResult(
        QualityCheckType type,
        double score,
        double threshold,
        bool passed,
        IReadOnlyList<string>? errors = null,
        IReadOnlyList<string>? warnings = null,
        IReadOnlyDictionary<string, string>? details = null)
    {
        if (double.IsNaN(score) || score < 0 || score > 100)
        {
            throw new DomainValidationException("score", "must be between 0 and 100");
        }

        if (double.IsNaN(threshold) || threshold < 0 || threshold > 100)
        {
            throw new DomainValidationException("threshold", "must be between 0 and 100");
        }

        Type = type;
        Score = score;
        Threshold = threshold;
        Passed = passed;
        Errors = errors ?? [];
        Warnings = warnings ?? [];
        Details = details ?? new Dictionary<string, string>();
    }

    /// <summary>Which check.</summary>
    public QualityCheckType Type { get; }

    /// <summary>Score on the 0-100 scale.</summary>
    public double Score { get; }

    /// <summary>The threshold the check was held to.</summary>
    public double Threshold { get; }

    /// <summary>Whether the check passed (score at least threshold and no hard failure).</summary>
    public bool Passed { get; }

    /// <summary>What failed; capped, with a final "... and N more" line when cut.</summary>
    public IReadOnlyList<string> Errors { get; }

    /// <summary>Findings that do not fail the check (e.g. unexpected fields).</summary>
    public IReadOnlyList<string> Warnings { get; }

    /// <summary>Measured values by name, formatted invariantly.</summary>
    public IReadOnlyDictionary<string, string> Details { get; }
}
