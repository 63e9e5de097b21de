using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;

namespace DataOps.Functions.Access;

/// <summary>
/// Finds out who sent a request: a function key (a service with operator rights), else, behind App Service
/// Authentication, its <c>X-MS-CLIENT-PRINCIPAL</c>, else a bearer token validated by ASP.NET Core's JwtBearer handler
/// (Entra ID, or a development token when a development key is configured). A credential that is presented and fails
/// is never passed over for another one.
/// </summary>
public sealed class CallerAuthenticator(FunctionKeyCheck keys, IOptions<AccessOptions> options)
{
    /// <summary>The JwtBearer scheme for Entra ID tokens.</summary>
    public const string EntraScheme = "EntraId";

    /// <summary>The JwtBearer scheme for development tokens.</summary>
    public const string DevScheme = "DataOpsDevToken";

    private const string BearerPrefix = "Bearer ";

    /// <summary>The caller, or null when the request presents no valid credential.</summary>
    public async Task<Caller?> AuthenticateAsync(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (FunctionKeyCheck.Presents(request, out var key))
        {
            return keys.IsValid(key) ? Caller.FunctionKey : null;
        }

        var settings = options.Value;
        if (settings.AppServiceAuthentication && AppServicePrincipal.Read(request) is { } principal)
        {
            return CallerClaims.From(principal, CallerKind.AppServicePrincipal);
        }

        string? authorization = request.Headers.Authorization;
        if (authorization is null || !authorization.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var scheme = SchemeFor(authorization[BearerPrefix.Length..].Trim(), settings);
        if (scheme is null)
        {
            return null;
        }

        var result = await request.HttpContext.AuthenticateAsync(scheme);
        return result.Succeeded ? CallerClaims.From(result.Principal!, CallerKind.BearerToken) : null;
    }

    // Which handler validates the token: its (not yet trusted) issuer only routes it; the handler checks everything.
    private static string? SchemeFor(string token, AccessOptions settings)
    {
        var handler = new JsonWebTokenHandler();
        if (!handler.CanReadToken(token))
        {
            return null;
        }

        string issuer;
        try
        {
            issuer = handler.ReadJsonWebToken(token).Issuer;
        }
        catch (ArgumentException)
        {
            return null;
        }

        if (issuer == DevTokens.Issuer)
        {
            return string.IsNullOrWhiteSpace(settings.DevSigningKey) ? null : DevScheme;
        }

        return string.IsNullOrWhiteSpace(settings.Authority) ? null : EntraScheme;
    }
}
