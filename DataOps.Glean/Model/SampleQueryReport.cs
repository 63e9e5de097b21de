namespace DataOps.Glean.Model;

/// <summary>The sample queries run against one connector.</summary>
/// <param name="ConnectorName">The connector searched.</param>
/// <param name="Results">One result per query, in order.</param>
/// <param name="SearchedAs">Who Glean answered the searches as, and how the product told it (e.g. <c>validator@example.com (user-scoped token)</c>).</param>
public sealed record SampleQueryReport(string ConnectorName, IReadOnlyList<SampleQueryResult> Results, string? SearchedAs = null)
{
    /// <summary>True when there was at least one query and every query passed.</summary>
    public bool AllSucceeded => Results.Count > 0 && Results.All(r => r.Succeeded);
}
