namespace DataOps.Domain.Quality;

/// <summary>What a successful sample query run looks like. Defaults: each query under 10 s, at least one query run.</summary>
/// <param name="MaxLatency">Each query must be strictly faster than this.</param>
/// <param name="MinimumQueries">Fewer queries than this fail the check (the seeds run 10 per dataset type).</param>
public sealed record SampleQueryCriteria(TimeSpan MaxLatency, int MinimumQueries)
{
    /// <summary>10 s per query, at least one query.</summary>
    public static SampleQueryCriteria Default { get; } = new(TimeSpan.FromSeconds(10), 1);
}
