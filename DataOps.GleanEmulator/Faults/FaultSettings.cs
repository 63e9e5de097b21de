namespace DataOps.GleanEmulator.Faults;

/// <summary>
/// Faults injected into the Glean API endpoints (never into <c>/admin</c>). Shares are probabilities
/// between 0 and 1 drawn from the emulator's seeded random source, so a run can be repeated.
/// </summary>
internal sealed record FaultSettings
{
    /// <summary>No fault at all.</summary>
    public static FaultSettings None { get; } = new();

    /// <summary>Latency added to every matching request, in milliseconds.</summary>
    public int LatencyMillis { get; init; }

    /// <summary>Share of requests answered 429 with a <c>Retry-After</c> header.</summary>
    public double Share429WithRetryAfter { get; init; }

    /// <summary>Share of requests answered 429 without a <c>Retry-After</c> header.</summary>
    public double Share429WithoutRetryAfter { get; init; }

    /// <summary>The <c>Retry-After</c> value (seconds) sent with injected 429s.</summary>
    public int RetryAfterSeconds { get; init; } = 1;

    /// <summary>Share of requests answered 500.</summary>
    public double Share500 { get; init; }

    /// <summary>Share of requests answered 503.</summary>
    public double Share503 { get; init; }

    /// <summary>Share of requests that hang (until the client gives up or <see cref="HangMillis"/> passes) and then answer 504.</summary>
    public double ShareTimeout { get; init; }

    /// <summary>How long a timed-out request hangs, in milliseconds.</summary>
    public int HangMillis { get; init; } = 30_000;

    /// <summary>
    /// Status codes served, in order, to the next matching requests before any share applies. 200 serves the
    /// request normally; a negative code processes the request and then answers the positive code instead
    /// (a response lost after the work was done).
    /// </summary>
    public IReadOnlyList<int> NextStatusCodes { get; init; } = [];

    /// <summary>When true every bearer token is answered 401 "token expired".</summary>
    public bool TokenExpired { get; init; }

    /// <summary>When set, tokens expire after this many further authorized requests.</summary>
    public int? TokenExpiresAfterRequests { get; init; }

    /// <summary>Datasources whose connector reports unhealthy (nothing indexed) in the debug endpoints.</summary>
    public IReadOnlyList<string> UnhealthyDatasources { get; init; } = [];

    /// <summary>When set, faults apply only to request paths starting with this prefix.</summary>
    public string? PathPrefix { get; init; }

    /// <summary>When set, re-seeds the random source when the faults are applied.</summary>
    public int? Seed { get; init; }
}
