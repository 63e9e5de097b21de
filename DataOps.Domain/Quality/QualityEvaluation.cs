using System.Globalization;
using DataOps.Domain.Common;
using DataOps.Domain.Datasets;

namespace DataOps.Domain.Quality;

/// <summary>
/// The READY rule (Decisions table): every check passes its own threshold and the weighted overall score is at
/// least the overall threshold (95). A critical check that fails blocks READY however high the overall score.
/// The overall score is rounded to 6 decimals so that weights like 0.3 do not turn an exact 95 into 94.99999999.
/// </summary>
public static class QualityEvaluation
{
    /// <summary>
    /// Decides from exactly one result per check type; throws <see cref="DomainValidationException"/> when a check
    /// is missing or repeated.
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
        var failed = ordered.Where(c => !c.Passed || c.Score < t.For(c.Type)).Select(c => c.Type).ToArray();
        var overall = Math.Round(ordered.Sum(c => c.Score * w.For(c.Type)), 6, MidpointRounding.AwayFromZero);
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
        if (ready)
        {
            return $"ready: {overallPart}, all checks passed";
        }

        var failures = checks
            .Where(c => failed.Contains(c.Type))
            .Select(c => string.Format(CultureInfo.InvariantCulture, "{0} {1:0.##} (threshold {2:0.##})", c.Type.ToWireName(), c.Score, thresholds.For(c.Type)));
        return failed.Length == 0
            ? $"failed: {overallPart}"
            : $"failed: {string.Join(", ", failures)}; {overallPart}";
    }
}
