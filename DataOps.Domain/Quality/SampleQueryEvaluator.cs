using System.Globalization;
using DataOps.Domain.Datasets;

namespace DataOps.Domain.Quality;

/// <summary>
/// Sample query check (ARCH-004): a query succeeds when it returns at least one result, without error, in
/// under 10 s. Score = successful / total x 100; no queries at all (or fewer than the minimum) fails with 0.
/// </summary>
public static class SampleQueryEvaluator
{
    /// <summary>Runs the sample query check.</summary>
    public static QualityCheckResult Evaluate(IEnumerable<SampleQueryResult> results, SampleQueryCriteria? criteria = null, double? threshold = null)
    {
        ArgumentNullException.ThrowIfNull(results);
        var limits = criteria ?? SampleQueryCriteria.Default;
        var limit = threshold ?? QualityThresholds.Default.SampleQueries;
        var errors = new FindingList();
        var total = 0;
        var succeeded = 0;
        var slowest = TimeSpan.Zero;
        foreach (var result in results)
        {
            total++;
            slowest = result.Latency > slowest ? result.Latency : slowest;
            var problem = result switch
            {
                { Error: { Length: > 0 } error } => $"failed: {error}",
                _ when result.Latency >= limits.MaxLatency => Format("took {0:0} ms, limit {1:0} ms", result.Latency.TotalMilliseconds, limits.MaxLatency.TotalMilliseconds),
                { ResultCount: < 1 } => "returned no results",
                _ => null,
            };
            if (problem is null)
            {
                succeeded++;
            }
            else
            {
                errors.Add($"query '{result.Query}' {problem}");
            }
        }

        var score = total == 0 ? 0.0 : succeeded * 100.0 / total;
        if (total < limits.MinimumQueries)
        {
            errors.Add(Format("{0} sample queries ran, at least {1} required", total, limits.MinimumQueries));
        }

        var passed = total >= limits.MinimumQueries && score >= limit;
        var details = new Dictionary<string, string>
        {
            ["queries"] = total.ToString(CultureInfo.InvariantCulture),
            ["succeeded"] = succeeded.ToString(CultureInfo.InvariantCulture),
            ["slowestMs"] = slowest.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture),
        };
        return new QualityCheckResult(QualityCheckType.SampleQueries, score, limit, passed, errors.ToList(), [], details);
    }

    private static string Format(string format, params object[] args) => string.Format(CultureInfo.InvariantCulture, format, args);
}
