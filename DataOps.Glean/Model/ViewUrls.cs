using System.Text.RegularExpressions;

namespace DataOps.Glean.Model;

/// <summary>
/// View URLs and the datasource <c>urlRegex</c>: the regex accepts every URL under one scheme and host,
/// records whose <c>url</c> is elsewhere (or missing) get a canonical URL under the same root.
/// </summary>
internal static class ViewUrls
{
    /// <summary>The most common <c>scheme://host/</c> among the absolute http(s) URLs given, or null when there is none.</summary>
    public static Uri? BaseFrom(IEnumerable<string?> urls) =>
        urls.Select(u => Uri.TryCreate(u, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) ? uri : null)
            .Where(u => u is not null)
            .GroupBy(u => u!.GetLeftPart(UriPartial.Authority), StringComparer.OrdinalIgnoreCase)
            .OrderByDescending(g => g.Count())
            .ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new Uri(g.Key + "/"))
            .FirstOrDefault();

    /// <summary>The default root when nothing better is known.</summary>
    public static Uri DefaultBase(string datasourceName) => new($"https://{datasourceName}.dataops.example.com/");

    /// <summary>The <c>urlRegex</c> accepting every URL under <paramref name="root"/>'s scheme and host.</summary>
    public static string RegexFor(Uri root) => "^" + Regex.Escape(root.GetLeftPart(UriPartial.Authority)) + "/.*";

    /// <summary>A URL under <paramref name="root"/> that identifies one document.</summary>
    public static string Canonical(Uri root, string objectType, string id) =>
        new Uri(root, $"{objectType.ToLowerInvariant()}/{Uri.EscapeDataString(id)}").AbsoluteUri;
}
