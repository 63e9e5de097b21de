using System.Collections.Frozen;
using System.Reflection;

namespace DataOps.Functions.Operations.Dashboard;

/// <summary>
/// The operator dashboard's static files, embedded in this assembly. Only the files listed here are served, so a path
/// is either one of them or not found: there is no file system behind it to traverse.
/// </summary>
internal static class DashboardAssets
{
    /// <summary>The file served for the dashboard's root.</summary>
    public const string IndexFile = "index.html";

    private const string ResourcePrefix = "Dashboard/";

    private static readonly FrozenDictionary<string, string> ContentTypes = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [IndexFile] = "text/html; charset=utf-8",
        ["app.js"] = "text/javascript; charset=utf-8",
        ["api.js"] = "text/javascript; charset=utf-8",
        ["styles.css"] = "text/css; charset=utf-8",
        ["chart.umd.js"] = "text/javascript; charset=utf-8",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, byte[]> Contents = Load();

    /// <summary>The names of the files served.</summary>
    public static IEnumerable<string> Names => ContentTypes.Keys;

    /// <summary>Finds a served file by its exact name (empty means <see cref="IndexFile"/>).</summary>
    /// <param name="name">The path under the dashboard's root, without a leading slash.</param>
    /// <param name="content">The file's bytes when found.</param>
    /// <param name="contentType">The file's media type when found.</param>
    /// <returns>Whether <paramref name="name"/> is one of the dashboard's files.</returns>
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

    private static FrozenDictionary<string, byte[]> Load()
    {
        var assembly = typeof(DashboardAssets).Assembly;
        var contents = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var name in ContentTypes.Keys)
        {
            using var stream = assembly.GetManifestResourceStream(ResourcePrefix + name)
                ?? throw new InvalidOperationException($"The dashboard file '{name}' is not embedded in {assembly.GetName().Name}.");
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            contents[name] = buffer.ToArray();
        }

        return contents.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>The assembly's embedded dashboard files, for checks that nothing is embedded without being served.</summary>
    internal static IEnumerable<string> EmbeddedNames(Assembly assembly)
        => assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal))
            .Select(n => n[ResourcePrefix.Length..]);
}
