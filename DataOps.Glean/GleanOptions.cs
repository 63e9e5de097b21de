namespace DataOps.Glean;

/// <summary>
/// Settings of the Glean adapter, bound from the <c>Glean</c> section (<c>Glean__BaseUrl</c> etc. in
/// environment form). Defaults match Glean's published limits and the local emulator.
/// </summary>
internal sealed class GleanOptions
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "Glean";

    /// <summary>Base address of the Glean backend (<c>https://{instance}-be.glean.com</c>); default the local emulator.</summary>
    public Uri BaseUrl { get; set; } = new("http://127.0.0.1:7081");

    /// <summary>Bearer token of the indexing API. Never logged.</summary>
    public string? IndexingToken { get; set; }

    /// <summary>Bearer token of the client (search) API. Never logged.</summary>
    public string? ClientToken { get; set; }

    /// <summary>Time allowed for one HTTP attempt before it is abandoned and retried.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Time allowed for one call in all: every attempt, the back-off between them and the waits for rate-limit permits.
    /// The default is above the worst case of the attempts and back-offs the other defaults allow (7 × 30 s + 6 × 60 s),
    /// so it cuts only a call that is stuck, not one still retrying within its settings.
    /// </summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Retries after the first attempt for 429, 5xx, 408 and timeouts.</summary>
    public int MaxRetryAttempts { get; set; } = 6;

    /// <summary>First back-off delay; later ones grow exponentially with jitter.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest back-off delay, including one asked for by <c>Retry-After</c>.</summary>
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Share of failed calls in the sampling window that opens the circuit.</summary>
    public double CircuitFailureRatio { get; set; } = 0.5;

    /// <summary>Calls needed in the sampling window before the circuit may open.</summary>
    public int CircuitMinimumThroughput { get; set; } = 20;

    /// <summary>Window over which failures are counted.</summary>
    public TimeSpan CircuitSamplingDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long an open circuit refuses calls before letting one through.</summary>
    public TimeSpan CircuitBreakDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>When false, the client-side rate limiters are off (Glean still enforces its own).</summary>
    public bool RateLimitsEnabled { get; set; } = true;

    /// <summary>Indexing requests per second (Glean: 30 per token for endpoints other than the document ones).</summary>
    public int IndexingRequestsPerSecond { get; set; } = 30;

    /// <summary>Documents per minute through <c>/indexdocuments</c> (Glean: 600).</summary>
    public int IndexDocumentsPerMinute { get; set; } = 600;

    /// <summary>Search requests per second (Glean: 5).</summary>
    public int SearchRequestsPerSecond { get; set; } = 5;

    /// <summary>Most documents in one bulk page (official clients: 1000).</summary>
    public int MaxDocumentsPerPage { get; set; } = 1000;

    /// <summary>Most bytes of documents in one bulk page (official clients: 5 MiB).</summary>
    public int MaxPageBytes { get; set; } = 5 * 1024 * 1024;

    /// <summary>Middle pages of one upload sent at the same time.</summary>
    public int MiddlePageParallelism { get; set; } = 2;

    /// <summary>A sample query must answer within this time (Glean's answer to the attempt, not time spent throttled).</summary>
    public TimeSpan SampleQueryTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How long one sample query may spend in all, rate-limit waits and retried attempts included, before it counts as
    /// unanswered (a transient condition that retries the check, never a verdict on the dataset).
    /// </summary>
    public TimeSpan SampleQueryBudget { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>The health probe must answer within this time for the connector to count as healthy.</summary>
    public TimeSpan HealthResponseLimit { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Comma-separated e-mails made beta users of new test (sandbox and pilot) datasources.</summary>
    public string? BetaUsers { get; set; }
}
