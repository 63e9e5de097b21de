using System.Globalization;
using Azure;

namespace DataOps.Storage.Internal;

/// <summary>Reads typed values out of storage response headers and XML elements.</summary>
internal static class HeaderReader
{
    public const string MetadataPrefix = "x-ms-meta-";

    public static DateTimeOffset? Date(Response response, string name) =>
        response.Headers.TryGetValue(name, out var value) ? ParseDate(value) : null;

    public static DateTimeOffset ParseDate(string value) =>
        DateTimeOffset.ParseExact(value.Trim(), "R", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    public static string? String(Response response, string name) =>
        response.Headers.TryGetValue(name, out var value) ? value : null;

    public static long Int64(Response response, string name) =>
        response.Headers.TryGetValue(name, out var value) ? long.Parse(value, CultureInfo.InvariantCulture) : 0;

    public static ETag ETag(Response response) =>
        response.Headers.TryGetValue("ETag", out var value) ? new ETag(value) : default;

    public static IReadOnlyDictionary<string, string> Metadata(Response response)
    {
        var metadata = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var header in response.Headers)
        {
            if (header.Name.StartsWith(MetadataPrefix, StringComparison.OrdinalIgnoreCase))
            {
                metadata[header.Name[MetadataPrefix.Length..]] = header.Value;
            }
        }

        return metadata;
    }
}
