using System.Globalization;
using DataOps.Domain.Common;
using DataOps.Domain.Datasets;

namespace DataOps.Domain.Quality;

/// <summary>
/// The READY rule (Decisions table): every check passes its own threshold and the weighted overall score is at
/// least the overall threshold (95). A critical check that fails blocks READY however high the overall score.
/// A check that does not apply (production: schema and completeness) never fails and is left out of the overall
/// score, whose weights are renormalized over the checks that apply (production: health 0.25 and queries 0.15
/// become 0.625 and 0.375). The overall score is rounded to 6 decimals so that weights like 0.3 do not turn an
/// exact 95 into 94.99999999.
/// </summary>
public static class QualityEvaluation
{
    /// <summary>
    /// Decides from exactly one result per check type; throws <see cref="DomainValidationException"/> when a check
    /// is missing or repeated, or when no check applies (or the ones that apply weigh nothing).
    /// </summary>
    public static QualityDecision Decide(IEnumerable<QualityCheckResult> checks, DateTimeOffset now, QualityWeights? weights = null, QualityThresholds? thresholds = null)
    {
        ArgumentNullException.ThrowIfNull(checks);
        var w = weights ?? QualityWeights.Default;
        var t = thresholds ?? QualityThresholds.Default;
        var byType = new Dictionary<QualityCheckType, QualityCheckResult>();
        foreach (var check in checks)
        {
            if (!byType.TryAdd(check.Type, check))
            {
                throw new DomainValidationException("checks", $"the {check.Type.ToWireName()} check appears more than once");
            }
        }

        var missing = Enum.GetValues<QualityCheckType>().Where(type => !byType.ContainsKey(type)).ToArray();
        if (missing.Length > 0)
        {
            throw new DomainValidationException("checks", "missing " + string.Join(", ", missing.Select(m => m.ToWireName())));
        }

        var ordered = Enum.GetValues<QualityCheckType>().Select(type => byType[type]).ToArray();
        var applicable = ordered.Where(c => c.IsApplicable).ToArray();
        if (applicable.Length == 0)
        {
            throw new DomainValidationException("checks", "no check applies to the dataset; at least one must");
        }

        var applicableWeight = applicable.Sum(c => w.For(c.Type));
        if (applicableWeight <= 0)
        {
            throw new DomainValidationException(
                "weights",
                "the checks that apply (" + string.Join(", ", applicable.Select(c => c.Type.ToWireName())) + ") weigh nothing, so no overall score can be computed");
        }

        var failed = applicable.Where(c => !c.Passed || c.Score < t.For(c.Type)).Select(c => c.Type).ToArray();
        var weighted = applicable.Sum(c => c.Score!.Value * w.For(c.Type));
        // All four apply: the weights already sum to 1, and dividing by their floating-point sum could move an exact 95.
        var overall = Math.Round(applicable.Length == ordered.Length ? weighted : weighted / applicableWeight, 6, MidpointRounding.AwayFromZero);
        overall = Math.Clamp(overall, 0, 100);
        var ready = failed.Length == 0 && overall >= t.Overall;
        var score = QualityScore.Create(
            byType[QualityCheckType.Schema].Score,
            byType[QualityCheckType.Completeness].Score,
            byType[QualityCheckType.ConnectorHealth].Score,
            byType[QualityCheckType.SampleQueries].Score,
            overall,
            failed,
            ready,
            now);
        return new QualityDecision(score, ordered, Summarize(ordered, failed, overall, t, ready));
    }

    private static string Summarize(QualityCheckResult[] checks, QualityCheckType[] failed, double overall, QualityThresholds thresholds, bool ready)
    {
        var overallPart = string.Format(CultureInfo.InvariantCulture, "overall {0:0.##} {1} {2:0.##}", overall, overall >= thresholds.Overall ? ">=" : "<", thresholds.Overall);
        var notApplicable = checks.Where(c => !c.IsApplicable).Select(c => c.Type.ToWireName()).ToArray();
        if (notApplicable.Length > 0)
        {
            overallPart += string.Format(
                CultureInfo.InvariantCulture,
                " over {0}; not applicable: {1}",
                string.Join(", ", checks.Where(c => c.IsApplicable).Select(c => c.Type.ToWireName())),
                string.Join(", ", notApplicable));
        }

        if (ready)
        {
            return notApplicable.Length == 0 ? $"ready: {overallPart}, all checks passed" : $"ready: all applicable checks passed, {overallPart}";
        }

        var failures = checks
            .Where(c => failed.Contains(c.Type))
            .Select(c => string.Format(CultureInfo.InvariantCulture, "{0} {1:0.##} (threshold {2:0.##})", c.Type.ToWireName(), c.Score, thresholds.For(c.Type)));
        return failed.Length == 0
            ? $"failed: {overallPart}"
            : $"failed: {string.Join(", ", failures)}; {overallPart}";
    }
}
