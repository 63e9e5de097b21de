using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace DataOps.Functions.Access;

/// <summary>Registers sign-in (function keys, Entra ID and development bearer tokens, App Service's principal) and the access checks.</summary>
internal static class AccessServiceCollectionExtensions
{
    public static IServiceCollection AddDataOpsAccess(this IServiceCollection services)
    {
        services.AddOptions<AccessOptions>().BindConfiguration(AccessOptions.SectionName)
            .Validate(o => string.IsNullOrWhiteSpace(o.DevSigningKey) || IsUsableKey(o.DevSigningKey), $"{AccessOptions.SectionName}:DevSigningKey must be base64 of at least {DevTokens.MinimumKeyBytes} bytes.")
            .Validate(o => !string.IsNullOrWhiteSpace(o.Audience), $"{AccessOptions.SectionName}:Audience must not be empty.")
            .ValidateOnStart();
        // The handlers are only ever asked by CallerAuthenticator, never as a default scheme or a challenge.
        services.AddAuthentication()
            .AddJwtBearer(CallerAuthenticator.EntraScheme, _ => { })
            .AddJwtBearer(CallerAuthenticator.DevScheme, _ => { });
        services.AddOptions<JwtBearerOptions>(CallerAuthenticator.EntraScheme).Configure<IOptions<AccessOptions>>((jwt, access) =>
        {
            var settings = access.Value;
            jwt.MapInboundClaims = false;
            if (!string.IsNullOrWhiteSpace(settings.Authority))
            {
                jwt.Authority = settings.Authority;
            }

            jwt.TokenValidationParameters.ValidAudiences = settings.Audiences;
            jwt.TokenValidationParameters.NameClaimType = "name";
            jwt.TokenValidationParameters.RoleClaimType = AccessRoleNames.RolesClaim;
        });
        services.AddOptions<JwtBearerOptions>(CallerAuthenticator.DevScheme).Configure<IOptions<AccessOptions>>((jwt, access) =>
        {
            var settings = access.Value;
            jwt.MapInboundClaims = false;
            jwt.TokenValidationParameters = new TokenValidationParameters
            {
                ValidIssuer = DevTokens.Issuer,
                ValidAudiences = settings.Audiences,
                ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
                // No key configured: the scheme is never asked (see CallerAuthenticator), and nothing could validate.
                IssuerSigningKey = IsUsableKey(settings.DevSigningKey) ? DevTokens.SigningKey(settings.DevSigningKey!) : null,
                RequireSignedTokens = true,
                RequireExpirationTime = true,
                NameClaimType = "name",
                RoleClaimType = AccessRoleNames.RolesClaim,
                ClockSkew = TimeSpan.FromSeconds(30),
            };
        });
        services.TryAddSingleton<FunctionKeyCheck>();
        services.TryAddSingleton<CallerAuthenticator>();
        services.TryAddSingleton<RequestAccess>();
        services.TryAddSingleton<DatasetAccess>();
        services.TryAddSingleton<CommandAudit>();
        return services;
    }

    private static bool IsUsableKey(string? base64)
    {
        if (string.IsNullOrWhiteSpace(base64))
        {
            return false;
        }

        var buffer = new byte[base64.Length];
        return Convert.TryFromBase64String(base64, buffer, out var length) && length >= DevTokens.MinimumKeyBytes;
    }
}
