using System.Security.Cryptography;
using System.Text;
using Microsoft.Azure.Functions.Worker;

namespace DataOps.LocalHost.Hosting.Http;

/// <summary>
/// Checks the <c>x-functions-key</c> header or <c>code</c> query value against the configured keys:
/// any value under <c>FunctionKeys</c> for function level, only <c>FunctionKeys:master</c> for the system and admin levels
/// (Azure Functions also accepts its system keys there; this host has none).
/// Keys are read per request so rotated configuration applies at once.
/// </summary>
internal sealed class FunctionKeyAuthorizer(IConfiguration configuration)
{
    public const string HeaderName = "x-functions-key";
    public const string QueryName = "code";
    private const string Section = "FunctionKeys";

    public bool HasAnyKey => Keys(AuthorizationLevel.Function).Any();

    public bool IsAuthorized(HttpRequest request, AuthorizationLevel level)
    {
        if (level == AuthorizationLevel.Anonymous)
        {
            return true;
        }

        string? presented = request.Headers[HeaderName];
        if (string.IsNullOrEmpty(presented))
        {
            presented = request.Query[QueryName];
        }

        if (string.IsNullOrEmpty(presented))
        {
            return false;
        }

        var matched = false;
        // Compare against every key without stopping early, and on fixed-length digests, so the time
        // taken says nothing about which key or how much of it matched.
        var digest = SHA256.HashData(Encoding.UTF8.GetBytes(presented));
        foreach (var key in Keys(level))
        {
            matched |= CryptographicOperations.FixedTimeEquals(digest, SHA256.HashData(Encoding.UTF8.GetBytes(key)));
        }

        return matched;
    }

    private IEnumerable<string> Keys(AuthorizationLevel level)
    {
        if (level is AuthorizationLevel.Admin or AuthorizationLevel.System)
        {
            var master = configuration[Section + ":master"];
            return string.IsNullOrEmpty(master) ? [] : [master];
        }

        return configuration.GetSection(Section).AsEnumerable()
            .Select(pair => pair.Value)
            .OfType<string>()
            .Where(value => value.Length > 0);
    }
}
