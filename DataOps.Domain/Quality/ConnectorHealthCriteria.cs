namespace DataOps.Domain.Quality;

/// <summary>Limits a healthy connector stays within. Defaults: response under 5 s, error rate under 1 %.</summary>
/// <param name="MaxResponseTime">Responses must be strictly faster than this.</param>
/// <param name="MaxErrorRate">The error rate (0..1) must be strictly below this.</param>
public sealed record ConnectorHealthCriteria(TimeSpan MaxResponseTime, double MaxErrorRate)
{
    /// <summary>The seed limits: 5 s, 1 %.</summary>
    public static ConnectorHealthCriteria Default { get; } = new(TimeSpan.FromSeconds(5), 0.01);
}
