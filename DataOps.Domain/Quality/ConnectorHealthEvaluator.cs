using System.Globalization;
using DataOps.Domain.Datasets;

namespace DataOps.Domain.Quality;

/// <summary>
/// Connector health check (ARCH-004, glean-api.md): connected, authorized, response under 5 s, error rate under
/// 1 %, last upload SUCCESSFUL and, when an expected count is given, exactly that many documents indexed
/// (more means stale documents were left behind). All-or-nothing: score 100 when every condition holds, else 0.
/// </summary>
public static class ConnectorHealthEvaluator
{
    /// <summary>The conditions the probe breaks; empty when healthy.</summary>
    public static IReadOnlyList<string> Problems(ConnectorProbe probe, ConnectorHealthCriteria? criteria = null)
    {
        ArgumentNullException.ThrowIfNull(probe);
        var limits = criteria ?? ConnectorHealthCriteria.Default;
        var problems = new List<string>();
        if (!probe.Connected)
        {
            problems.Add("connector is not reachable" + (probe.Error is { Length: > 0 } e ? $": {e}" : string.Empty));
        }

        if (!probe.Authorized)
        {
            problems.Add("connector is not authorized");
        }

        if (probe.ResponseTime >= limits.MaxResponseTime)
        {
            problems.Add(Format("response time {0:0} ms is not under {1:0} ms", probe.ResponseTime.TotalMilliseconds, limits.MaxResponseTime.TotalMilliseconds));
        }

        if (double.IsNaN(probe.ErrorRate) || probe.ErrorRate >= limits.MaxErrorRate)
        {
            problems.Add(Format("error rate {0:0.###} % is not under {1:0.###} %", probe.ErrorRate * 100, limits.MaxErrorRate * 100));
        }

        if (!probe.LastUploadSuccessful)
        {
            problems.Add("last upload did not finish successfully");
        }

        if (probe.ExpectedDocumentCount is { } expected && probe.IndexedDocumentCount != expected)
        {
            problems.Add(Format("{0} documents indexed, expected {1}", probe.IndexedDocumentCount, expected));
        }

        return problems;
    }

    /// <summary>Whether the connector is healthy (the health sweep's test).</summary>
    public static bool IsHealthy(ConnectorProbe probe, ConnectorHealthCriteria? criteria = null) => Problems(probe, criteria).Count == 0;

    /// <summary>Runs the connector health check.</summary>
    public static QualityCheckResult Evaluate(ConnectorProbe probe, ConnectorHealthCriteria? criteria = null, double? threshold = null)
    {
        var problems = Problems(probe, criteria);
        var limit = threshold ?? QualityThresholds.Default.ConnectorHealth;
        var score = problems.Count == 0 ? 100.0 : 0.0;
        var details = new Dictionary<string, string>
        {
            ["connected"] = probe.Connected ? "true" : "false",
            ["authorized"] = probe.Authorized ? "true" : "false",
            ["responseTimeMs"] = probe.ResponseTime.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture),
            ["errorRate"] = probe.ErrorRate.ToString("0.#####", CultureInfo.InvariantCulture),
            ["lastUploadSuccessful"] = probe.LastUploadSuccessful ? "true" : "false",
            ["indexedDocuments"] = probe.IndexedDocumentCount.ToString(CultureInfo.InvariantCulture),
            ["expectedDocuments"] = probe.ExpectedDocumentCount?.ToString(CultureInfo.InvariantCulture) ?? "unchecked",
        };
        return new QualityCheckResult(QualityCheckType.ConnectorHealth, score, limit, problems.Count == 0 && score >= limit, problems, [], details);
    }

    private static string Format(string format, params object[] args) => string.Format(CultureInfo.InvariantCulture, format, args);
}
