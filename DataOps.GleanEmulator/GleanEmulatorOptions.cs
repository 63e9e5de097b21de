using DataOps.GleanEmulator.Faults;

namespace DataOps.GleanEmulator;

/// <summary>
/// Start-up settings of the emulator. Bound from the <c>Emulator</c> configuration section (so
/// <c>--Emulator:Seed 7</c> works on the command line); <c>--snapshot path</c> is a short form of
/// <c>--Emulator:SnapshotPath</c>.
/// </summary>
internal sealed class GleanEmulatorOptions
{
    /// <summary>The configuration section the options are bound from.</summary>
    public const string SectionName = "Emulator";

    /// <summary>The address used when no <c>--urls</c> is given.</summary>
    public const string DefaultUrl = "http://127.0.0.1:7081";

    /// <summary>Bearer tokens accepted by the indexing API (<c>/api/index/v1</c>), comma-separated.</summary>
    public string IndexingTokens { get; set; } = "local-indexing-token";

    /// <summary>The user the default user-scoped client token searches as.</summary>
    public const string DefaultSearchUser = "dataops-validation@example.com";

    /// <summary>
    /// User-scoped client API (<c>/rest/api/v1</c>) tokens, comma-separated <c>token=user@company.com</c> entries: each
    /// searches as its user, and a request that also names <c>X-Glean-ActAs</c> is refused.
    /// </summary>
    public string ClientTokens { get; set; } = "local-client-token=" + DefaultSearchUser;

    /// <summary>
    /// Global client API tokens, comma-separated: each searches as the user named in <c>X-Glean-ActAs</c>, and a request
    /// without it is refused.
    /// </summary>
    public string GlobalClientTokens { get; set; } = "local-global-client-token";

    /// <summary>Seed of the random source behind fault decisions, so a run can be repeated.</summary>
    public int Seed { get; set; } = 1;

    /// <summary>When set, the state is loaded from this file at start and written back after changes.</summary>
    public string? SnapshotPath { get; set; }

    /// <summary>When false no rate limit is applied (tests that measure something else).</summary>
    public bool RateLimitsEnabled { get; set; } = true;

    /// <summary>Glean's <c>/indexdocuments</c> limit: documents per minute.</summary>
    public int IndexDocumentsPerMinute { get; set; } = 600;

    /// <summary>Glean's limit for the other indexing endpoints: requests per second per token.</summary>
    public int IndexingRequestsPerSecond { get; set; } = 30;

    /// <summary>Glean's deployment-wide limit: requests per minute.</summary>
    public int DeploymentRequestsPerMinute { get; set; } = 8000;

    /// <summary>Search requests per second per token.</summary>
    public int SearchRequestsPerSecond { get; set; } = 5;

    /// <summary>Most documents one bulk page may carry (more is answered 413).</summary>
    public int MaxDocumentsPerPage { get; set; } = 1000;

    /// <summary>Largest request body accepted (more is answered 413); pages are 5 MiB plus envelope.</summary>
    public long MaxRequestBytes { get; set; } = (5 * 1024 * 1024) + (256 * 1024);

    /// <summary>Share of a datasource that a last page may delete before the deletion is held.</summary>
    public double StaleDeletionThreshold { get; set; } = 0.20;

    /// <summary>Requests the request log keeps (the oldest go first).</summary>
    public int RequestLogCapacity { get; set; } = 20_000;

    /// <summary>Faults active from the start.</summary>
    public FaultSettings Faults { get; set; } = FaultSettings.None;

    /// <summary>Minimum log level of the emulator's own logging.</summary>
    public LogLevel MinimumLogLevel { get; set; } = LogLevel.Information;
}
