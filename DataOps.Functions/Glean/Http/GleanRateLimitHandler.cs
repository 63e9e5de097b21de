using DataOps.Functions.Glean.Errors;

namespace DataOps.Functions.Glean.Http;

/// <summary>Takes a client-side rate-limit permit for every attempt (it sits inside the retry handler).</summary>
internal sealed class GleanRateLimitHandler(GleanRateLimiters limiters, GleanApi api) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using var lease = await limiters.AcquireAsync(api, request, cancellationToken);
        if (lease is { IsAcquired: false })
        {
            throw new GleanRateLimitedException(request.RequestUri?.AbsolutePath ?? "request", "the client-side Glean rate limiter refused the request");
        }

        return await base.SendAsync(request, cancellationToken);
    }
}
