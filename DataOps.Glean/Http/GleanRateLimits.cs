using System.Threading.RateLimiting;
using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace DataOps.Glean.Http;

/// <summary>
/// Client-side token buckets matching Glean's published limits, so the adapter slows itself down instead of
/// collecting 429s: search requests per second on the search API; on the indexing API, documents per minute through
/// <c>/indexdocuments</c> and requests per second for every other endpoint. The buckets live as long as the API's
/// resilience pipeline, which is one per process: the limits are per token.
/// </summary>
internal static class GleanRateLimits
{
    /// <summary>How many permits a request needs (the documents of an <c>/indexdocuments</c> call); 1 when absent.</summary>
    public static readonly HttpRequestOptionsKey<int> Permits = new("glean.permits");

    /// <summary>
    /// The rate limiter strategy of one API. Polly's rate limiter takes one permit per execution of one limiter; the
    /// indexing API needs two buckets and a permit count per request, so the delegate picks them from the request.
    /// </summary>
    public static HttpRateLimiterStrategyOptions For(GleanApi api, GleanOptions options, ResilienceHandlerContext context)
    {
        if (api == GleanApi.Search)
        {
            var search = Bucket(options.SearchRequestsPerSecond, TimeSpan.FromSeconds(1), context);
            return new HttpRateLimiterStrategyOptions { RateLimiter = args => search.Limiter.AcquireAsync(1, args.Context.CancellationToken) };
        }

        var requests = Bucket(options.IndexingRequestsPerSecond, TimeSpan.FromSeconds(1), context);
        var background = Bucket((int)Math.Floor(options.IndexingRequestsPerSecond * options.BackgroundShare), TimeSpan.FromSeconds(1), context);
        var documents = Bucket(options.IndexDocumentsPerMinute, TimeSpan.FromMinutes(1), context);
        return new HttpRateLimiterStrategyOptions
        {
            RateLimiter = args =>
            {
                var request = args.Context.GetRequestMessage();
                if (request?.RequestUri?.AbsolutePath.EndsWith("/indexdocuments", StringComparison.Ordinal) != true)
                {
                    return GleanTraffic.IsBackground
                        ? AcquireInTurnAsync(background.Limiter, requests.Limiter, args.Context.CancellationToken)
                        : requests.Limiter.AcquireAsync(1, args.Context.CancellationToken);
                }

                // A request larger than the bucket could never be served; it takes the whole bucket instead.
                var permits = request.Options.TryGetValue(Permits, out var count) ? Math.Clamp(count, 1, documents.Capacity) : 1;
                return documents.Limiter.AcquireAsync(permits, args.Context.CancellationToken);
            },
        };
    }

    /// <summary>A permit of <paramref name="share"/> first, then one of <paramref name="budget"/>; the first refusal is the answer.</summary>
    private static async ValueTask<RateLimitLease> AcquireInTurnAsync(RateLimiter share, RateLimiter budget, CancellationToken cancellationToken)
    {
        var first = await share.AcquireAsync(1, cancellationToken).ConfigureAwait(false);
        if (!first.IsAcquired)
        {
            return first;
        }

        // A token bucket's permits are spent once granted: the lease returns nothing when disposed.
        first.Dispose();
        return await budget.AcquireAsync(1, cancellationToken).ConfigureAwait(false);
    }

    private static (TokenBucketRateLimiter Limiter, int Capacity) Bucket(int limit, TimeSpan window, ResilienceHandlerContext context)
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
        context.OnPipelineDisposed(limiter.Dispose);
        return (limiter, capacity);
    }
}
