using System.Security.Cryptography;
using System.Text;
using DataOps.Functions.Access;
using Microsoft.Azure.Functions.Worker;

namespace DataOps.LocalHost.Hosting.Http;

/// <summary>
/// The key a function's authorization level asks for, in the <c>x-functions-key</c> header or the <c>code</c> query
/// value: any value under <c>FunctionKeys</c> for function level (the app's own <see cref="FunctionKeyCheck"/>), only
/// <c>FunctionKeys:master</c> for the system and admin levels (Azure Functions also accepts its system keys there; this
/// host has none). Keys are read per request so rotated configuration applies at once.
/// </summary>
internal sealed class FunctionKeyAuthorizer(IConfiguration configuration)
{
    private readonly FunctionKeyCheck _keys = new(configuration);

    public bool HasAnyKey => configuration.GetSection(FunctionKeyCheck.Section).AsEnumerable().Any(pair => !string.IsNullOrEmpty(pair.Value));

    public bool IsAuthorized(HttpRequest request, AuthorizationLevel level)
    {
        if (level == AuthorizationLevel.Anonymous)
        {
            return true;
        }

        if (!FunctionKeyCheck.Presents(request, out var presented))
        {
            return false;
        }

        if (level is not (AuthorizationLevel.Admin or AuthorizationLevel.System))
        {
            return _keys.IsValid(presented);
        }

        // On fixed-length digests, as the app compares keys, so the time taken says nothing about how much matched.
        var master = configuration[FunctionKeyCheck.Section + ":master"];
        return !string.IsNullOrEmpty(master)
            && CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(presented)), SHA256.HashData(Encoding.UTF8.GetBytes(master)));
    }
}
