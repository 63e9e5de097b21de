using DataOps.Functions.Access;
using System.Diagnostics;
using Microsoft.AspNetCore.Http.Extensions;

namespace DataOps.LocalHost.Hosting.Http;

/// <summary>
/// Logs each request with the <c>code</c> query value replaced, so function keys never reach the logs
/// (ASP.NET Core's own request-start log, which prints the raw URL, is switched off by the host).
/// A last-resort handler turns failures outside function code into 500 problem details with a correlation id.
/// </summary>
internal sealed class RequestLoggingMiddleware(RequestDelegate next, ILogger<RequestLoggingMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext http)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            await next(http);
        }
        catch (Exception ex) when (!http.Response.HasStarted && !http.RequestAborted.IsCancellationRequested)
        {
            var correlationId = Guid.NewGuid().ToString("N");
            var url = ScrubbedUrl(http.Request);
            logger.LogError(ex, "Request {Method} {Url} failed (correlation id {CorrelationId})", http.Request.Method, url, correlationId);
            http.Response.Clear();
            await Problems.WriteAsync(http, StatusCodes.Status500InternalServerError, "An unexpected error occurred",
                $"Quote correlation id {correlationId} when reporting this.", correlationId);
        }
        finally
        {
            if (logger.IsEnabled(LogLevel.Information))
            {
                logger.LogInformation("{Method} {Url} -> {StatusCode} in {ElapsedMs:0.0} ms", http.Request.Method, ScrubbedUrl(http.Request),
                    http.Response.StatusCode, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        }
    }

    public static string ScrubbedUrl(HttpRequest request)
    {
        var path = UriHelper.BuildAbsolute(request.Scheme, request.Host, request.PathBase, request.Path);
        if (!request.QueryString.HasValue)
        {
            return path;
        }

        var query = request.Query.SelectMany(pair => pair.Value.Select(value =>
            Uri.EscapeDataString(pair.Key) + "=" + (string.Equals(pair.Key, FunctionKeyCheck.QueryName, StringComparison.OrdinalIgnoreCase)
                ? "redacted"
                : Uri.EscapeDataString(value ?? string.Empty))));
        return path + "?" + string.Join('&', query);
    }
}
