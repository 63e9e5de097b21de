namespace DataOps.Glean.Model;

/// <summary>
/// One sample query: it passes when it answered without error, with at least one result, in time.
/// <paramref name="Unanswered"/> marks a query Glean did not answer for a transient reason (429 or 5xx that outlasted
/// the adapter's retries, an open circuit): that says nothing about the dataset, only about Glean at that moment.
/// </summary>
public sealed record SampleQueryResult(string Query, int ResultCount, TimeSpan Duration, string? Error, bool Succeeded, bool Unanswered = false);
