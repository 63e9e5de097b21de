using System.Collections.Concurrent;

namespace DataOps.GleanEmulator.Infrastructure;

/// <summary>Glean's published limits as token buckets: per token and class, plus one for the deployment.</summary>
internal sealed class RateLimits(GleanEmulatorOptions options, TimeProvider time)
{
    private readonly ConcurrentDictionary<(string Token, string Class), TokenBucket> _buckets = new();
    private readonly TokenBucket _deployment = new(options.DeploymentRequestsPerMinute, TimeSpan.FromMinutes(1), time);

    public bool Enabled => options.RateLimitsEnabled;

    /// <summary>One request: the deployment bucket and the class bucket (<c>search</c> or <c>indexing</c>).</summary>
    public bool TryRequest(string token, bool search, out TimeSpan retryAfter)
    {
        if (!options.RateLimitsEnabled)
        {
            retryAfter = TimeSpan.Zero;
            return true;
        }

        var bucket = search
            ? _buckets.GetOrAdd((token, "search"), _ => new TokenBucket(options.SearchRequestsPerSecond, TimeSpan.FromSeconds(1), time))
            : _buckets.GetOrAdd((token, "indexing"), _ => new TokenBucket(options.IndexingRequestsPerSecond, TimeSpan.FromSeconds(1), time));
        return _deployment.TryTake(1, out retryAfter) && bucket.TryTake(1, out retryAfter);
    }

    /// <summary><c>/indexdocuments</c>: one permit per document.</summary>
    public bool TryDocuments(string token, int count, out TimeSpan retryAfter)
    {
        retryAfter = TimeSpan.Zero;
        if (!options.RateLimitsEnabled || count == 0)
        {
            return true;
        }

        var bucket = _buckets.GetOrAdd((token, "documents"), _ => new TokenBucket(options.IndexDocumentsPerMinute, TimeSpan.FromMinutes(1), time));
        return bucket.TryTake(count, out retryAfter);
    }

    public double DocumentCapacity => options.IndexDocumentsPerMinute;

    public void Reset() => _buckets.Clear();
}
