using DataOps.Functions.Http;

namespace DataOps.Functions.OpenApi;

/// <summary>
/// The documentation page's files, embedded in this assembly (<see cref="EmbeddedFiles"/>): the page and its start
/// script, and Swagger UI's browser build from the pinned npm package. Only these names are served.
/// </summary>
internal static class ApiDocsAssets
{
    /// <summary>The file served for the root.</summary>
    public const string IndexFile = EmbeddedFiles.IndexFile;

    private static readonly EmbeddedFiles Files = new("ApiDocs/", "documentation", new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [EmbeddedFiles.IndexFile] = "text/html; charset=utf-8",
        ["docs.js"] = "text/javascript; charset=utf-8",
        ["swagger-ui-bundle.js"] = "text/javascript; charset=utf-8",
        ["swagger-ui.css"] = "text/css; charset=utf-8",
    });

    /// <summary>The names of the files served.</summary>
    public static IEnumerable<string> Names => Files.Names;

    /// <summary>Finds a served file by its exact name (empty means <see cref="IndexFile"/>).</summary>
    public static bool TryGet(string? name, out byte[] content, out string contentType) => Files.TryGet(name, out content, out contentType);
}
