using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace DataOps.LocalHost.Hosting.Http;

/// <summary>Checks on a request before any function code runs.</summary>
internal static class RequestGuards
{
    /// <summary>
    /// Refuses a declared body over <c>extensions.http.maxRequestBodySize</c> with 413 problem details; bodies of
    /// unknown length are capped by the server limit and fail with the same status when read past it.
    /// </summary>
    public static async Task<bool> RejectOversizedBodyAsync(HttpContext http)
    {
        var limit = http.RequestServices.GetRequiredService<IOptions<HttpOptions>>().Value.MaxRequestBodySize;
        var feature = http.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (feature is { IsReadOnly: false })
        {
            feature.MaxRequestBodySize = limit;
        }

        if (http.Request.ContentLength is { } length && length > limit)
        {
            // The body is left unread and the server will not drain it: say the connection closes, so the client
            // does not send its next request on a connection that is about to be dropped.
            http.Response.Headers.Connection = "close";
            await Problems.WriteAsync(http, StatusCodes.Status413PayloadTooLarge, "Payload too large",
                $"The request body is {length} bytes; the limit is {limit} bytes.");
            return true;
        }

        return false;
    }
}
