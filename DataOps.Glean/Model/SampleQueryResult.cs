namespace DataOps.Glean.Model;

/// <summary>
/// One sample query. It passes when it answered without error, in time, with results from the connector's own datasource
/// (results from any other datasource do not count) that include every expected document.
/// <paramref name="Unanswered"/> marks a query Glean did not answer for a transient reason (429 or 5xx that outlasted
/// the adapter's retries, an open circuit): that says nothing about the dataset, only about Glean at that moment.
/// </summary>
/// <param name="Query">The query text.</param>
/// <param name="ResultCount">Results from the connector's own datasource.</param>
/// <param name="Duration">Glean's answer time.</param>
/// <param name="Error">Why it failed; null when it passed.</param>
/// <param name="Succeeded">Whether it passed.</param>
/// <param name="Unanswered">Glean did not answer for a transient reason.</param>
public sealed record SampleQueryResult(string Query, int ResultCount, TimeSpan Duration, string? Error, bool Succeeded, bool Unanswered = false)
{
    /// <summary>The documents the query had to find; empty when any result of the datasource counts (production).</summary>
    public IReadOnlyList<string> ExpectedDocumentIds { get; init; } = [];

    /// <summary>The expected documents it found.</summary>
    public IReadOnlyList<string> FoundDocumentIds { get; init; } = [];

    /// <summary>
    /// The expected documents Glean's answer did not include: the evidence of a failed query. Empty when Glean gave no
    /// answer to judge (<see cref="Error"/> says why).
    /// </summary>
    public IReadOnlyList<string> MissingDocumentIds { get; init; } = [];

    /// <summary>Results from other datasources, which do not count.</summary>
    public int OtherDatasourceResults { get; init; }
}
