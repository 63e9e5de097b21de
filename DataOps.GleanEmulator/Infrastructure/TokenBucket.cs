namespace DataOps.GleanEmulator.Infrastructure;

/// <summary>A token bucket on a <see cref="TimeProvider"/>: <c>capacity</c> tokens, refilled continuously over <c>period</c>.</summary>
internal sealed class TokenBucket
{
    private readonly Lock _gate = new();
    private readonly double _capacity;
    private readonly double _perSecond;
    private readonly TimeProvider _time;
    private double _tokens;
    private long _last;

    public TokenBucket(double capacity, TimeSpan period, TimeProvider time)
    {
        _capacity = capacity;
        _perSecond = capacity / period.TotalSeconds;
        _time = time;
        _tokens = capacity;
        _last = time.GetTimestamp();
    }

    /// <summary>Takes <paramref name="permits"/> tokens, or says how long until they would be there.</summary>
    public bool TryTake(double permits, out TimeSpan retryAfter)
    {
        lock (_gate)
        {
            var now = _time.GetTimestamp();
            _tokens = Math.Min(_capacity, _tokens + (_time.GetElapsedTime(_last, now).TotalSeconds * _perSecond));
            _last = now;
            if (_tokens >= permits)
            {
                _tokens -= permits;
                retryAfter = TimeSpan.Zero;
                return true;
            }

            retryAfter = TimeSpan.FromSeconds((permits - _tokens) / _perSecond);
            return false;
        }
    }
}
