using DataOps.GleanEmulator.Faults;
using DataOps.GleanEmulator.Identity;

namespace DataOps.GleanEmulator.Infrastructure;

/// <summary>
/// In front of every Glean API endpoint: bearer-token check (and, on the client API, who the request searches as),
/// injected faults (latency, token expiry, 429/5xx, hangs), body-size limit and rate limits, then a log line per
/// request for inspection.
/// </summary>
internal sealed class GleanApiMiddleware(
    RequestDelegate next,
    GleanEmulatorOptions options,
    ClientIdentities identities,
    FaultInjector faults,
    RateLimits limits,
    RequestLog log,
    TimeProvider time)
{
    public const string IndexingPrefix = "/api/index/v1";
    public const string SearchPath = "/rest/api/v1/search";
    public const string LatencyItem = "glean.latency";
    public const string TokenItem = "glean.token";
    public const string SearcherItem = "glean.searcher";
    private const string LoseItem = "glean.lose";

    private readonly HashSet<string> _indexingTokens = Split(options.IndexingTokens);
    private readonly IReadOnlySet<string> _clientTokens = identities.Tokens;

    public async Task InvokeAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? string.Empty;
        var indexing = path.StartsWith(IndexingPrefix, StringComparison.OrdinalIgnoreCase);
        var search = path.StartsWith("/rest/api/v1", StringComparison.OrdinalIgnoreCase);
        if (!indexing && !search)
        {
            await next(context);
            return;
        }

        string? injected;
        try
        {
            injected = await GuardAsync(context, path, search);
            if (injected is null)
            {
                await next(context);
            }
            else if (context.Items[LoseItem] is int lost)
            {
                await LoseResponseAsync(context, lost);
            }
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away (its own timeout); there is nobody to answer.
            injected = "client-aborted";
        }

        log.Add(context.Request.Method, path, context.Response.StatusCode, injected == string.Empty ? null : injected, time.GetUtcNow(), Endpoints.RequestTargets.Read(context));
    }

    /// <summary>Answers the request itself when a guard trips; returns null when the endpoint should run.</summary>
    private async Task<string?> GuardAsync(HttpContext context, string path, bool search)
    {
        var header = context.Request.Headers.Authorization.ToString();
        var token = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : string.Empty;
        var (own, other) = search ? (_clientTokens, (IReadOnlySet<string>)_indexingTokens) : (_indexingTokens, _clientTokens);
        if (token.Length == 0)
        {
            await ApiErrors.WriteAsync(context, 401, "unauthorized", "missing bearer token");
            return string.Empty;
        }

        if (!own.Contains(token))
        {
            var (status, message) = other.Contains(token)
                ? (403, search ? "an indexing token is not allowed on the client API" : "a client token is not allowed on the indexing API")
                : (401, "invalid bearer token");
            await ApiErrors.WriteAsync(context, status, ApiErrors.ErrorName(status), message);
            return string.Empty;
        }

        if (search)
        {
            var searcher = identities.Resolve(token, context.Request.Headers[ClientIdentities.ActAsHeader], context.Request.Headers[ClientIdentities.AuthTypeHeader]);
            if (searcher.User is null)
            {
                await ApiErrors.WriteAsync(context, searcher.Status, ApiErrors.ErrorName(searcher.Status), searcher.Message!);
                return string.Empty;
            }

            context.Items[SearcherItem] = searcher.User;
        }

        context.Items[TokenItem] = token;
        if (faults.AppliesTo(path))
        {
            if (faults.ConsumeTokenLife())
            {
                await ApiErrors.WriteAsync(context, 401, "unauthorized", "bearer token expired");
                return "token-expired";
            }

            var decision = faults.Decide();
            if (decision.LatencyMillis > 0)
            {
                if (search)
                {
                    // The search endpoint weighs latency against the request's timeoutMillis itself.
                    context.Items[LatencyItem] = decision.LatencyMillis;
                }
                else
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(decision.LatencyMillis), time, context.RequestAborted);
                }
            }

            if (decision.Hang)
            {
                await HangAsync(context, decision.HangMillis);
                if (context.RequestAborted.IsCancellationRequested)
                {
                    context.Response.StatusCode = 504;
                }
                else
                {
                    await ApiErrors.WriteAsync(context, 504, "timeout", "injected timeout");
                }

                return decision.Describe();
            }

            if (decision is { AfterProcessing: true, Status: { } lostStatus })
            {
                context.Items[LoseItem] = lostStatus;
                return decision.Describe();
            }

            if (decision.Status is { } status)
            {
                await ApiErrors.WriteAsync(context, status, ApiErrors.ErrorName(status), $"injected {status}", decision.RetryAfterSeconds);
                return decision.Describe();
            }
        }

        if (context.Request.ContentLength > options.MaxRequestBytes)
        {
            await ApiErrors.WriteAsync(context, 413, "payload_too_large", $"request body is {context.Request.ContentLength} bytes; at most {options.MaxRequestBytes} are accepted");
            return string.Empty;
        }

        if (!limits.TryRequest(token, search, out var wait))
        {
            await ApiErrors.WriteAsync(context, 429, "rate_limited", search ? "search is limited per token" : "indexing requests are limited per token", (int)Math.Ceiling(wait.TotalSeconds));
            return string.Empty;
        }

        return null;
    }

    /// <summary>Runs the endpoint (its work is done) but replaces its answer with an error, as a lost response would.</summary>
    private async Task LoseResponseAsync(HttpContext context, int status)
    {
        var original = context.Response.Body;
        await using var discarded = new MemoryStream();
        context.Response.Body = discarded;
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = original;
        }

        context.Response.Headers.Clear();
        await ApiErrors.WriteAsync(context, status, ApiErrors.ErrorName(status), $"injected {status} after processing");
    }

    private async Task HangAsync(HttpContext context, int hangMillis)
    {
        try
        {
            await Task.Delay(TimeSpan.FromMilliseconds(hangMillis), time, context.RequestAborted);
        }
        catch (OperationCanceledException)
        {
            // The client gave up first, which is the point of a hang.
        }
    }

    private static HashSet<string> Split(string tokens) =>
        tokens.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal);
}
