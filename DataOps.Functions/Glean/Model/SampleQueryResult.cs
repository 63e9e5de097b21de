namespace DataOps.Functions.Glean.Model;

/// <summary>One sample query: it passes when it answered without error, with at least one result, in time.</summary>
public sealed record SampleQueryResult(string Query, int ResultCount, TimeSpan Duration, string? Error, bool Succeeded);
