using System.Net;
using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace DataOps.Glean.Http;

/// <summary>
/// The resilience pipeline of one Glean API, built by <c>AddResilienceHandler</c> from <see cref="GleanOptions"/>. Each API
/// has its own pipeline, so a search outage does not open the indexing circuit. Time comes from the
/// <see cref="TimeProvider"/> registered in the container, which the resilience registry hands to the builder.
/// </summary>
internal static class GleanResilience
{
    /// <summary>
    /// Outermost first: total timeout, retry, circuit breaker, rate limiter, attempt timeout. Unlike the standard handler
    /// the rate limiter sits inside the retry, because every retried attempt is a request Glean counts against its limits;
    /// and inside the circuit breaker, so a call the open circuit refuses does not wait for a permit first. The attempt
    /// timeout is innermost, so the wait for a permit is not taken out of an attempt's time.
    /// </summary>
    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> builder, ResilienceHandlerContext context, GleanApi api)
    {
        var options = context.GetOptions<GleanOptions>();
        builder.AddTimeout(new HttpTimeoutStrategyOptions { Name = "TotalTimeout", Timeout = options.TotalTimeout });
        if (options.MaxRetryAttempts > 0)
        {
            builder.AddRetry(Retry(options));
        }

        builder.AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
        {
            // 429 says "slow down", not "broken": it does not count towards opening the circuit.
            ShouldHandle = args => ValueTask.FromResult(
                args.Outcome.Result?.StatusCode != HttpStatusCode.TooManyRequests && HttpClientResiliencePredicates.IsTransient(args.Outcome)),
            FailureRatio = options.CircuitFailureRatio,
            MinimumThroughput = Math.Max(2, options.CircuitMinimumThroughput),
            SamplingDuration = options.CircuitSamplingDuration,
            BreakDuration = options.CircuitBreakDuration,
        });
        if (options.RateLimitsEnabled)
        {
            builder.AddRateLimiter(GleanRateLimits.For(api, options, context));
        }

        builder.AddTimeout(new HttpTimeoutStrategyOptions { Name = "AttemptTimeout", Timeout = options.AttemptTimeout });
    }

    /// <summary>Jittered exponential back-off on 408, 429, 5xx, network failures and timed-out attempts, honouring <c>Retry-After</c>.</summary>
    private static HttpRetryStrategyOptions Retry(GleanOptions options)
    {
        var retry = new HttpRetryStrategyOptions
        {
            MaxRetryAttempts = options.MaxRetryAttempts,
            Delay = options.RetryBaseDelay,
            MaxDelay = options.RetryMaxDelay,
        };

        // The library reads Retry-After but does not hold it to MaxDelay; Glean's wait is capped like any other back-off,
        // so a stray long Retry-After cannot park a call for longer than the settings allow.
        var retryAfter = retry.DelayGenerator!;
        retry.DelayGenerator = async args => await retryAfter(args) switch
        {
            { } wait when wait > options.RetryMaxDelay => options.RetryMaxDelay,
            var wait => wait,
        };
        return retry;
    }
}
