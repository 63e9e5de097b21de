namespace DataOps.Glean;

/// <summary>
/// Settings of the Glean adapter, bound from the <c>Glean</c> section (<c>Glean__BaseUrl</c> etc. in
/// environment form). Defaults match Glean's published limits and the local emulator.
/// </summary>
internal sealed class GleanOptions
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "Glean";

    /// <summary>The user the local emulator's development client token searches as; refused against any other Glean.</summary>
    public const string DevelopmentValidationUser = "dataops-validation@example.com";

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

    /// <summary>
    /// The share of <see cref="IndexingRequestsPerSecond"/> background work may take (the health sweep's probes, scheduled
    /// syncs; see <see cref="Http.GleanTraffic"/>), in (0, 1]. Default 0.8: the rest stays free for provisioning.
    /// </summary>
    public double BackgroundShare { get; set; } = 0.8;

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

    /// <summary>
    /// The user the product searches Glean as to validate datasets (its sample queries), made a beta user of every test
    /// (sandbox and pilot) datasource the product creates. With a user-scoped client token it must be the token's own
    /// user; with a global token the product names it in <c>X-Glean-ActAs</c>. Required: without it no search could see a
    /// test datasource.
    /// </summary>
    public string? ValidationUser { get; set; }

    /// <summary>What kind of token <see cref="ClientToken"/> is: <c>User</c> (default) or <c>Global</c>.</summary>
    public GleanClientTokenType ClientTokenType { get; set; } = GleanClientTokenType.User;

    /// <summary>Comma-separated e-mails made beta users of every new test (sandbox and pilot) datasource, whoever the client (internal testing and support).</summary>
    public string? BetaUsers { get; set; }

    /// <summary>Per client id (<c>Glean:Clients:{clientId}:SeTeam</c>, <c>...:PilotUsers</c>): who sees the client's test datasources, by stage.</summary>
    public Dictionary<string, GleanClientAccess> Clients { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Why the search identity cannot work; null when it can.</summary>
    public string? SearchIdentityProblem()
    {
        var user = ValidationUser?.Trim();
        if (string.IsNullOrEmpty(user))
        {
            return "Glean:ValidationUser is not set. Glean answers every search as a user and shows a sandbox or pilot (test) "
                + "datasource only to its beta users, so the sample queries need a user the product makes a beta user of every "
                + "datasource it creates: set Glean:ValidationUser to the e-mail of the user Glean:ClientToken searches as "
                + "(the token's own user for a user-scoped token; for a global token also set Glean:ClientTokenType to Global, "
                + "and the product names the user in X-Glean-ActAs)";
        }

        if (!(user.IndexOf('@', StringComparison.Ordinal) is > 0 and var at && at < user.Length - 1))
        {
            return $"Glean:ValidationUser '{user}' is not an e-mail address; Glean identifies users by e-mail";
        }

        return string.Equals(user, DevelopmentValidationUser, StringComparison.OrdinalIgnoreCase) && !BaseUrl.IsLoopback
            ? $"Glean:ValidationUser is '{user}', the local emulator's development user, but Glean:BaseUrl is {BaseUrl}: set Glean:ValidationUser to the e-mail of the user Glean:ClientToken searches as in that Glean"
            : null;
    }
}
