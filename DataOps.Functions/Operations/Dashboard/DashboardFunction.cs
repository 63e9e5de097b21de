using Microsoft.Azure.Functions.Worker;

namespace DataOps.Functions.Operations.Dashboard;

/// <summary>
/// <c>GET /api/dashboard/{*path}</c>: the operator dashboard's static shell. It is anonymous because it holds no data:
/// the page asks for a function key once per browser session and sends it in the <c>x-functions-key</c> header to the
/// key-protected JSON API, so the key never appears in a URL.
/// </summary>
public sealed class DashboardFunction
{
    private const string Segment = "dashboard";

    /// <summary>Content security policy: the page loads only its own files and talks only to its own origin.</summary>
    private const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    /// <summary>Serves one of the dashboard's embedded files; 404 for any other path.</summary>
    [Function("Dashboard")]
    public static IResult Dashboard(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "dashboard/{*path}")] HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var rest = PathUnderDashboard(request.Path.Value ?? string.Empty);
        if (rest is null)
        {
            // ".../dashboard" without the slash: relative links in the page must resolve under the dashboard.
            return Results.Redirect(request.PathBase + request.Path + "/", permanent: false);
        }

        var headers = request.HttpContext.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.CacheControl = "no-cache";
        headers["Referrer-Policy"] = "no-referrer";
        if (!DashboardAssets.TryGet(rest, out var content, out var contentType))
        {
            return Results.Problem(title: "Not found", detail: "The dashboard has no such file.", statusCode: StatusCodes.Status404NotFound);
        }

        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers["X-Frame-Options"] = "DENY";
        return Results.Bytes(content, contentType);
    }

    /// <summary>
    /// The part of <paramref name="path"/> after its first <c>/dashboard/</c> segment (empty for the root), or null when the
    /// path ends at <c>/dashboard</c>. Read from the path rather than a route value so it is the same under every host.
    /// </summary>
    internal static string? PathUnderDashboard(string path)
    {
        var marker = "/" + Segment + "/";
        var at = path.IndexOf(marker, StringComparison.OrdinalIgnoreCase);
        if (at >= 0)
        {
            return path[(at + marker.Length)..];
        }

        return path.EndsWith("/" + Segment, StringComparison.OrdinalIgnoreCase) ? null : string.Empty;
    }
}
