using DataOps.Functions.Glean.Errors;

namespace DataOps.Functions.Glean.Http;

/// <summary>
/// Takes a client-side rate-limit permit for every attempt (it sits inside the retry handler) and records how long
/// Glean took to answer the attempt once it held its permit (<see cref="GleanAttemptTiming"/>).
/// </summary>
internal sealed class GleanRateLimitHandler(GleanRateLimiters limiters, GleanApi api) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using var lease = await limiters.AcquireAsync(api, request, cancellationToken);
        if (lease is { IsAcquired: false })
        {
            throw new GleanRateLimitedException(request.RequestUri?.AbsolutePath ?? "request", "the client-side Glean rate limiter refused the request");
        }

        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var response = await base.SendAsync(request, cancellationToken);
        GleanAttemptTiming.Current?.Record(started);
        return response;
    }
}
