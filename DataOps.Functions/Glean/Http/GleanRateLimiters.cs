using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace DataOps.Functions.Glean.Http;

/// <summary>
/// Client-side token buckets matching Glean's published limits, so the adapter slows itself down
/// instead of collecting 429s. One set per process: the limits are per token.
/// </summary>
internal sealed class GleanRateLimiters : IDisposable
{
    public static readonly HttpRequestOptionsKey<int> Permits = new("glean.permits");

    private readonly (TokenBucketRateLimiter Limiter, int Limit)? _indexing;
    private readonly (TokenBucketRateLimiter Limiter, int Limit)? _documents;
    private readonly (TokenBucketRateLimiter Limiter, int Limit)? _search;

    public GleanRateLimiters(IOptions<GleanOptions> options)
    {
        var o = options.Value;
        if (!o.RateLimitsEnabled)
        {
            return;
        }

        _indexing = Create(o.IndexingRequestsPerSecond, TimeSpan.FromSeconds(1));
        _documents = Create(o.IndexDocumentsPerMinute, TimeSpan.FromMinutes(1));
        _search = Create(o.SearchRequestsPerSecond, TimeSpan.FromSeconds(1));
    }

    /// <summary>Waits for the permits one request needs; null when limits are off.</summary>
    public async ValueTask<RateLimitLease?> AcquireAsync(GleanApi api, HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var isDocuments = request.RequestUri?.AbsolutePath.EndsWith("/indexdocuments", StringComparison.Ordinal) == true;
        var bucket = api == GleanApi.Search ? _search : isDocuments ? _documents : _indexing;
        if (bucket is not { } b)
        {
            return null;
        }

        // A request larger than the bucket could never be served; it takes the whole bucket instead.
        var permits = isDocuments && request.Options.TryGetValue(Permits, out var count) ? Math.Clamp(count, 1, b.Limit) : 1;
        return await b.Limiter.AcquireAsync(permits, cancellationToken);
    }

    public void Dispose()
    {
        _indexing?.Limiter.Dispose();
        _documents?.Limiter.Dispose();
        _search?.Limiter.Dispose();
    }

    private static (TokenBucketRateLimiter, int) Create(int limit, TimeSpan window)
    {
        limit = Math.Max(1, limit);

        // Refill in tenths of the window so a burst is smoothed rather than granted once a window. The
        // bucket holds one refill less than Glean's: our refill ticks run at an arbitrary phase against
        // Glean's bucket, and that headroom keeps a tick right after a full burst from being refused.
        var perPeriod = Math.Max(1, limit / 10);
        var capacity = Math.Max(perPeriod, limit - perPeriod);
        var limiter = new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = capacity,
            TokensPerPeriod = perPeriod,
            ReplenishmentPeriod = window * perPeriod / limit,
            QueueLimit = int.MaxValue,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            AutoReplenishment = true,
        });
        return (limiter, capacity);
    }
}
