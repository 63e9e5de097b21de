using System.Globalization;
using DataOps.Domain.Datasets;

namespace DataOps.Domain.Quality;

/// <summary>
/// Sample query check (ARCH-004): a query succeeds when it answers without error, in under 10 s, with every document it
/// expects (with at least one result when it expects none). Score = successful / total x 100; no queries at all (or
/// fewer than the minimum) fails with 0. Details say per query what was expected, found and missing, and list every
/// missing document: the evidence a failed check keeps.
/// </summary>
public static class SampleQueryEvaluator
{
    /// <summary>The <see cref="QualityCheckResult.Details"/> key listing every expected document the queries did not find.</summary>
    public const string MissingDocumentsDetail = "missingDocuments";

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
        var perQuery = new List<string>();
        var missing = new List<string>();
        foreach (var result in results)
        {
            total++;
            slowest = result.Latency > slowest ? result.Latency : slowest;
            var problem = result switch
            {
                { Error: { Length: > 0 } error } => $"failed: {error}",
                { Missing.Count: > 0 } => Format(
                    "found {0} of {1} expected documents ({2} results); missing {3}", result.Found.Count, result.Expected.Count, result.ResultCount, string.Join(", ", result.Missing)),
                _ when result.Latency >= limits.MaxLatency => Format("took {0:0} ms, limit {1:0} ms", result.Latency.TotalMilliseconds, limits.MaxLatency.TotalMilliseconds),
                { ResultCount: < 1 } => "returned no results",
                _ => null,
            };
            missing.AddRange(result.Missing);
            perQuery.Add(Format(
                "'{0}': {1}; expected [{2}], found [{3}], missing [{4}]",
                result.Query,
                problem ?? "passed",
                string.Join(", ", result.Expected),
                string.Join(", ", result.Found),
                string.Join(", ", result.Missing)));
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
        for (var i = 0; i < perQuery.Count; i++)
        {
            details[Format("query{0:00}", i + 1)] = perQuery[i];
        }

        if (missing.Count > 0)
        {
            details[MissingDocumentsDetail] = string.Join(", ", missing.Distinct(StringComparer.OrdinalIgnoreCase));
        }

        return new QualityCheckResult(QualityCheckType.SampleQueries, score, limit, passed, errors.ToList(), [], details);
    }

    private static string Format(string format, params object[] args) => string.Format(CultureInfo.InvariantCulture, format, args);
}
