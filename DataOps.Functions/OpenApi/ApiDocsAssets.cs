using System.Collections.Frozen;

namespace DataOps.Functions.OpenApi;

/// <summary>
/// The documentation page's files, embedded in this assembly: the page and its start script, and Swagger UI's browser
/// build from the pinned npm package. Only these names are served; there is no file system behind them.
/// </summary>
internal static class ApiDocsAssets
{
    /// <summary>The file served for the page's root.</summary>
    public const string IndexFile = "index.html";

    private const string ResourcePrefix = "ApiDocs/";

    private static readonly FrozenDictionary<string, string> ContentTypes = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [IndexFile] = "text/html; charset=utf-8",
        ["docs.js"] = "text/javascript; charset=utf-8",
        ["swagger-ui-bundle.js"] = "text/javascript; charset=utf-8",
        ["swagger-ui.css"] = "text/css; charset=utf-8",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, byte[]> Contents = ContentTypes.Keys.ToFrozenDictionary(n => n, Load, StringComparer.Ordinal);

    /// <summary>The names of the files served.</summary>
    public static IEnumerable<string> Names => ContentTypes.Keys;

    /// <summary>Finds a served file by its exact name (empty means <see cref="IndexFile"/>).</summary>
    public static bool TryGet(string? name, out byte[] content, out string contentType)
    {
        var key = string.IsNullOrEmpty(name) ? IndexFile : name;
        if (ContentTypes.TryGetValue(key, out var type) && Contents.TryGetValue(key, out var bytes))
        {
            content = bytes;
            contentType = type;
            return true;
        }

        content = [];
        contentType = string.Empty;
        return false;
    }

    private static byte[] Load(string name)
    {
        var assembly = typeof(ApiDocsAssets).Assembly;
        using var stream = assembly.GetManifestResourceStream(ResourcePrefix + name)
            ?? throw new InvalidOperationException($"The documentation file '{name}' is not embedded in {assembly.GetName().Name}.");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }
}
