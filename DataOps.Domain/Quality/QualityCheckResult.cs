using System.Text.Json.Serialization;
using DataOps.Domain.Common;
using DataOps.Domain.Datasets;

namespace DataOps.Domain.Quality;

/// <summary>
/// The outcome of one quality check: score (0-100), the threshold it was held to, whether it passed, the
/// errors that made records or probes fail, warnings that did not count against it, and details (counts,
/// timings) for the quality history. A check that does not apply to the dataset (production holds no records
/// of ours, so schema and completeness have nothing to look at) is <see cref="NotApplicable"/>: it has no score,
/// never fails, and the overall score leaves it out.
/// </summary>
public sealed record QualityCheckResult
{
    /// <summary>The <see cref="Details"/> key holding why a check did not apply.</summary>
    public const string NotApplicableDetail = "notApplicable";

    /// <summary>Creates a result; throws <see cref="DomainValidationException"/> for a score or threshold outside [0, 100].</summary>
    public QualityCheckResult(
        QualityCheckType type,
        double score,
        double threshold,
        bool passed,
        IReadOnlyList<string>? errors = null,
        IReadOnlyList<string>? warnings = null,
        IReadOnlyDictionary<string, string>? details = null)
        : this(type, (double?)score, threshold, passed, errors, warnings, details)
    {
    }

    [JsonConstructor]
    private QualityCheckResult(
        QualityCheckType type,
        double? score,
        double threshold,
        bool passed,
        IReadOnlyList<string>? errors,
        IReadOnlyList<string>? warnings,
        IReadOnlyDictionary<string, string>? details)
    {
        if (score is { } value && (double.IsNaN(value) || value < 0 || value > 100))
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

    /// <summary>Score on the 0-100 scale; null when the check does not apply.</summary>
    public double? Score { get; }

    /// <summary>Whether the check applies to the dataset (it has a score); false for <see cref="NotApplicable"/>.</summary>
    [JsonIgnore]
    public bool IsApplicable => Score is not null;

    /// <summary>The threshold the check was (or, when it does not apply, would have been) held to.</summary>
    public double Threshold { get; }

    /// <summary>
    /// Whether the check passed (score at least threshold and no hard failure). A check that does not apply never
    /// fails, so it reports true; <see cref="IsApplicable"/> tells it apart from a check that ran and passed.
    /// </summary>
    public bool Passed { get; }

    /// <summary>What failed; capped, with a final "... and N more" line when cut.</summary>
    public IReadOnlyList<string> Errors { get; }

    /// <summary>Findings that do not fail the check (e.g. unexpected fields).</summary>
    public IReadOnlyList<string> Warnings { get; }

    /// <summary>Measured values by name, formatted invariantly; for a check that does not apply, why (<see cref="NotApplicableDetail"/>).</summary>
    public IReadOnlyDictionary<string, string> Details { get; }

    /// <summary>
    /// A check that does not apply to the dataset, with the reason; throws <see cref="DomainValidationException"/> when
    /// the reason is blank.
    /// </summary>
    /// <param name="type">Which check.</param>
    /// <param name="reason">Why it does not apply, e.g. "production datasets hold no records of ours".</param>
    /// <param name="threshold">The threshold it would have been held to; the Decisions table's by default.</param>
    public static QualityCheckResult NotApplicable(QualityCheckType type, string reason, double? threshold = null)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new DomainValidationException("reason", "must say why the check does not apply");
        }

        return new QualityCheckResult(
            type,
            null,
            threshold ?? QualityThresholds.Default.For(type),
            true,
            [],
            [],
            new Dictionary<string, string>(StringComparer.Ordinal) { [NotApplicableDetail] = reason });
    }
}
