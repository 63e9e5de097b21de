using System.Reflection;
using DataOps.Functions.Http;

namespace DataOps.Functions.Operations.Dashboard;

/// <summary>
/// The operator dashboard's static files, embedded in this assembly (<see cref="EmbeddedFiles"/>): only the files
/// listed here are served.
/// </summary>
internal static class DashboardAssets
{
    /// <summary>The file served for the root.</summary>
    public const string IndexFile = EmbeddedFiles.IndexFile;

    private static readonly EmbeddedFiles Files = new("Dashboard/", "dashboard", new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [EmbeddedFiles.IndexFile] = "text/html; charset=utf-8",
        ["app.js"] = "text/javascript; charset=utf-8",
        ["api.js"] = "text/javascript; charset=utf-8",
        ["reports.js"] = "text/javascript; charset=utf-8",
        ["styles.css"] = "text/css; charset=utf-8",
        ["chart.umd.js"] = "text/javascript; charset=utf-8",
    });

    /// <summary>The names of the files served.</summary>
    public static IEnumerable<string> Names => Files.Names;

    /// <summary>Finds a served file by its exact name (empty means <see cref="IndexFile"/>).</summary>
    public static bool TryGet(string? name, out byte[] content, out string contentType) => Files.TryGet(name, out content, out contentType);

    /// <summary>The assembly's embedded dashboard files, for checks that nothing is embedded without being served.</summary>
    internal static IEnumerable<string> EmbeddedNames(Assembly assembly) => Files.EmbeddedNames(assembly);
}
