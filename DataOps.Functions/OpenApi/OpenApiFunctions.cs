using System.Collections.Concurrent;
using DataOps.Functions.Access;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;

namespace DataOps.Functions.OpenApi;

/// <summary>
/// <c>GET /api/openapi.json</c> and <c>GET /api/docs/</c>: the API's description and a page to browse it. Both are
/// anonymous: they describe the API and hold no data; the routes they list still ask for credentials.
/// </summary>
public sealed class OpenApiFunctions(IOptions<AccessOptions> access)
{
    private const string Segment = "docs";

    /// <summary>The page loads only its own files and talks only to its own origin, as the dashboard does.</summary>
    private const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    // The document depends only on the code and the sign-in settings, so it is built once per settings, not per request
    // (building reflects over the functions and exports every response schema).
    private static readonly ConcurrentDictionary<(string? Authority, string Audience), Lazy<Task<string>>> Documents = new();

    /// <summary>The OpenAPI 3.1 document of every HTTP route.</summary>
    [Function(nameof(GetOpenApiDocument))]
    public async Task<IResult> GetOpenApiDocument(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "openapi.json")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var options = access.Value;
        var json = await Documents.GetOrAdd(
            (options.Authority, options.Audience),
            _ => new Lazy<Task<string>>(() => ApiDocument.Build(options).SerializeAsJsonAsync(OpenApiSpecVersion.OpenApi3_1, CancellationToken.None))).Value.WaitAsync(cancellationToken);
        request.HttpContext.Response.Headers.CacheControl = "no-cache";
        return Results.Text(json, "application/json", System.Text.Encoding.UTF8);
    }

    /// <summary>Serves one of the documentation page's embedded files; 404 for any other path.</summary>
    [Function(nameof(ApiDocs))]
    public static IResult ApiDocs(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "docs/{*path}")] HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var path = request.Path.Value ?? string.Empty;
        var marker = "/" + Segment + "/";
        var at = path.IndexOf(marker, StringComparison.OrdinalIgnoreCase);
        if (at < 0)
        {
            // ".../docs" without the slash: the page's relative links must resolve under it.
            return Results.Redirect(request.PathBase + request.Path + "/", permanent: false);
        }

        var headers = request.HttpContext.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.CacheControl = "no-cache";
        headers["Referrer-Policy"] = "no-referrer";
        if (!ApiDocsAssets.TryGet(path[(at + marker.Length)..], out var content, out var contentType))
        {
            return Results.Problem(title: "Not found", detail: "The documentation page has no such file.", statusCode: StatusCodes.Status404NotFound);
        }

        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers["X-Frame-Options"] = "DENY";
        return Results.Bytes(content, contentType);
    }
}
