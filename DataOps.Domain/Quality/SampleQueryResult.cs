namespace DataOps.Domain.Quality;

/// <summary>The outcome of one sample search against the dataset's datasource.</summary>
/// <param name="Query">The query text.</param>
/// <param name="ResultCount">Number of results returned.</param>
/// <param name="Latency">How long the search took.</param>
/// <param name="Error">The error, when the search failed.</param>
public sealed record SampleQueryResult(string Query, int ResultCount, TimeSpan Latency, string? Error = null);
