namespace DataOps.Domain.Quality;

/// <summary>The outcome of one sample search against the dataset's datasource.</summary>
/// <param name="Query">The query text.</param>
/// <param name="ResultCount">Number of results returned from the dataset's own datasource.</param>
/// <param name="Latency">How long the search took.</param>
/// <param name="Error">The error, when the search failed.</param>
public sealed record SampleQueryResult(string Query, int ResultCount, TimeSpan Latency, string? Error = null)
{
    /// <summary>The documents the query had to find; empty when any result counts (production, whose documents are the client's).</summary>
    public IReadOnlyList<string> Expected { get; init; } = [];

    /// <summary>The expected documents it found.</summary>
    public IReadOnlyList<string> Found { get; init; } = [];

    /// <summary>The expected documents it did not find.</summary>
    public IReadOnlyList<string> Missing { get; init; } = [];
}
