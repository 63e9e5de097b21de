namespace DataOps.GleanEmulator.Faults;

/// <summary>
/// Holds the active <see cref="FaultSettings"/> and draws fault decisions from a seeded random source,
/// so the same seed and the same request sequence give the same faults.
/// </summary>
internal sealed class FaultInjector
{
    private readonly Lock _gate = new();
    private readonly int _defaultSeed;
    private FaultSettings _settings = FaultSettings.None;
    private Random _random;
    private Queue<int> _next = new();
    private int? _requestsBeforeExpiry;
    private bool _expired;

    public FaultInjector(GleanEmulatorOptions options)
    {
        _defaultSeed = options.Seed;
        _random = new Random(_defaultSeed);
        Apply(options.Faults);
    }

    public FaultSettings Current
    {
        get
        {
            lock (_gate)
            {
                return _settings;
            }
        }
    }

    public void Apply(FaultSettings settings)
    {
        lock (_gate)
        {
            _settings = settings;
            if (settings.Seed is { } seed)
            {
                _random = new Random(seed);
            }

            _next = new Queue<int>(settings.NextStatusCodes);
            _requestsBeforeExpiry = settings.TokenExpiresAfterRequests;
            _expired = settings.TokenExpired;
        }
    }

    public void Reset()
    {
        lock (_gate)
        {
            _random = new Random(_defaultSeed);
        }

        Apply(FaultSettings.None);
    }

    public void SetHealth(string datasource, bool healthy)
    {
        lock (_gate)
        {
            var others = _settings.UnhealthyDatasources.Where(d => !string.Equals(d, datasource, StringComparison.Ordinal));
            _settings = _settings with { UnhealthyDatasources = healthy ? [.. others] : [.. others, datasource] };
        }
    }

    public bool IsUnhealthy(string datasource)
    {
        lock (_gate)
        {
            return _settings.UnhealthyDatasources.Contains(datasource, StringComparer.Ordinal);
        }
    }

    public bool AppliesTo(string path)
    {
        lock (_gate)
        {
            return _settings.PathPrefix is not { } prefix || path.StartsWith(prefix, StringComparison.OrdinalIgnoreCase);
        }
    }

    /// <summary>Counts one authorized request against the token's remaining life; true once the token has expired.</summary>
    public bool ConsumeTokenLife()
    {
        lock (_gate)
        {
            if (_expired)
            {
                return true;
            }

            if (_requestsBeforeExpiry is { } remaining)
            {
                if (remaining <= 0)
                {
                    _expired = true;
                    return true;
                }

                _requestsBeforeExpiry = remaining - 1;
            }

            return false;
        }
    }

    public FaultDecision Decide()
    {
        lock (_gate)
        {
            var s = _settings;
            var retryAfter = s.RetryAfterSeconds >= 0 ? s.RetryAfterSeconds : (int?)null;
            if (_next.TryDequeue(out var scripted))
            {
                return scripted switch
                {
                    StatusCodes.Status200OK => FaultDecision.None with { LatencyMillis = s.LatencyMillis },
                    < 0 => new FaultDecision(s.LatencyMillis, -scripted, null, false, 0, AfterProcessing: true),
                    _ => new FaultDecision(s.LatencyMillis, scripted, scripted == StatusCodes.Status429TooManyRequests ? retryAfter : null, false, 0),
                };
            }

            var draw = _random.NextDouble();
            var edge = s.ShareTimeout;
            if (draw < edge)
            {
                return new FaultDecision(s.LatencyMillis, StatusCodes.Status504GatewayTimeout, null, true, s.HangMillis);
            }

            if (draw < (edge += s.Share500))
            {
                return new FaultDecision(s.LatencyMillis, StatusCodes.Status500InternalServerError, null, false, 0);
            }

            if (draw < (edge += s.Share503))
            {
                return new FaultDecision(s.LatencyMillis, StatusCodes.Status503ServiceUnavailable, null, false, 0);
            }

            if (draw < (edge += s.Share429WithRetryAfter))
            {
                return new FaultDecision(s.LatencyMillis, StatusCodes.Status429TooManyRequests, Math.Max(0, s.RetryAfterSeconds), false, 0);
            }

            if (draw < edge + s.Share429WithoutRetryAfter)
            {
                return new FaultDecision(s.LatencyMillis, StatusCodes.Status429TooManyRequests, null, false, 0);
            }

            return s.LatencyMillis > 0 ? FaultDecision.None with { LatencyMillis = s.LatencyMillis } : FaultDecision.None;
        }
    }
}
