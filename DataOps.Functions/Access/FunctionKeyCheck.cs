using System.Security.Cryptography;
using System.Text;

namespace DataOps.Functions.Access;

/// <summary>
/// Checks a function key in the <c>x-functions-key</c> header or the <c>code</c> query value against every value under
/// <c>FunctionKeys</c>. The routes are anonymous to the host (so bearer callers reach the app); the app checks keys
/// itself, on SHA-256 digests in constant time, read per request so rotated settings apply at once.
/// </summary>
public sealed class FunctionKeyCheck(IConfiguration configuration)
{
    public const string HeaderName = "x-functions-key";
    public const string QueryName = "code";
    public const string Section = "FunctionKeys";

    /// <summary>Whether the request presents a key at all (a non-empty header or <c>code</c>).</summary>
    public static bool Presents(HttpRequest request, out string presented)
    {
        ArgumentNullException.ThrowIfNull(request);
        string? value = request.Headers[HeaderName];
        if (string.IsNullOrEmpty(value))
        {
            value = request.Query[QueryName];
        }

        presented = value ?? string.Empty;
        return presented.Length > 0;
    }

    /// <summary>Whether <paramref name="presented"/> is one of the configured keys.</summary>
    public bool IsValid(string presented)
    {
        var matched = false;
        // Every key is compared, on fixed-length digests, so the time taken says nothing about which or how much matched.
        var digest = SHA256.HashData(Encoding.UTF8.GetBytes(presented));
        foreach (var key in configuration.GetSection(Section).AsEnumerable().Select(p => p.Value).OfType<string>().Where(v => v.Length > 0))
        {
            matched |= CryptographicOperations.FixedTimeEquals(digest, SHA256.HashData(Encoding.UTF8.GetBytes(key)));
        }

        return matched;
    }
}
