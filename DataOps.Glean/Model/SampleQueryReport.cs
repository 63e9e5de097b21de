namespace DataOps.Glean.Model;

/// <summary>The sample queries run against one connector.</summary>
public sealed record SampleQueryReport(string ConnectorName, IReadOnlyList<SampleQueryResult> Results)
{
    /// <summary>True when there was at least one query and every query passed.</summary>
    public bool AllSucceeded => Results.Count > 0 && Results.All(r => r.Succeeded);
}
