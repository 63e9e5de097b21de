using System.Net;
using Microsoft.Extensions.Options;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace DataOps.Functions.Glean.Http;

/// <summary>
/// One resilience pipeline per Glean API (so a search outage does not open the indexing circuit):
/// retry with jittered exponential back-off honouring <c>Retry-After</c>, then a circuit breaker, then a
/// per-attempt timeout. Time comes from the injected <see cref="TimeProvider"/>, so tests control it.
/// </summary>
internal sealed class GleanResiliencePipelines(IOptions<GleanOptions> options, TimeProvider time)
{
    private readonly Lazy<ResiliencePipeline<HttpResponseMessage>> _indexing = new(() => Build(options.Value, time));
    private readonly Lazy<ResiliencePipeline<HttpResponseMessage>> _search = new(() => Build(options.Value, time));

    public ResiliencePipeline<HttpResponseMessage> For(GleanApi api) => api == GleanApi.Search ? _search.Value : _indexing.Value;

    /// <summary>Statuses worth another attempt: rate limits, request timeouts and server-side failures.</summary>
    public static bool IsTransient(HttpStatusCode status) =>
        status is HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout || (int)status >= 500;

    /// <summary>The wait Glean asked for, if any (delta seconds or an HTTP date).</summary>
    public static TimeSpan? RetryAfter(HttpResponseMessage response, TimeProvider time)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta;
        }

        return header?.Date is { } date ? (date - time.GetUtcNow()) is var wait && wait > TimeSpan.Zero ? wait : TimeSpan.Zero : null;
    }

    private static ResiliencePipeline<HttpResponseMessage> Build(GleanOptions o, TimeProvider time)
    {
        var retryable = new PredicateBuilder<HttpResponseMessage>()
            .Handle<HttpRequestException>()
            .Handle<TimeoutRejectedException>()
            .HandleResult(r => IsTransient(r.StatusCode));

        // 429 says "slow down", not "broken": it does not count towards opening the circuit.
        var failure = new PredicateBuilder<HttpResponseMessage>()
            .Handle<HttpRequestException>()
            .Handle<TimeoutRejectedException>()
            .HandleResult(r => r.StatusCode != HttpStatusCode.TooManyRequests && IsTransient(r.StatusCode));

        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = time };
        if (o.MaxRetryAttempts > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                ShouldHandle = retryable,
                MaxRetryAttempts = o.MaxRetryAttempts,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = o.RetryBaseDelay,
                MaxDelay = o.RetryMaxDelay,
                DelayGenerator = args =>
                    ValueTask.FromResult(args.Outcome.Result is { } response && RetryAfter(response, time) is { } wait
                        ? (TimeSpan?)(wait < o.RetryMaxDelay ? wait : o.RetryMaxDelay)
                        : null),
            });
        }

        return builder
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions<HttpResponseMessage>
            {
                ShouldHandle = failure,
                FailureRatio = o.CircuitFailureRatio,
                MinimumThroughput = Math.Max(2, o.CircuitMinimumThroughput),
                SamplingDuration = o.CircuitSamplingDuration,
                BreakDuration = o.CircuitBreakDuration,
            })
            .AddTimeout(o.AttemptTimeout)
            .Build();
    }
}
