using System.Security.Claims;
using System.Text;
using System.Text.Json;

namespace DataOps.Functions.Access;

/// <summary>
/// Reads <c>X-MS-CLIENT-PRINCIPAL</c>, the base64 JSON principal App Service Authentication puts on every request it
/// authenticated (<c>{auth_typ, name_typ, role_typ, claims: [{typ, val}]}</c>). The platform validated the token and
/// strips any client-sent copy of the header, so it is only read when <see cref="AccessOptions.AppServiceAuthentication"/> is on.
/// </summary>
internal static class AppServicePrincipal
{
    public const string HeaderName = "X-MS-CLIENT-PRINCIPAL";

    /// <summary>The claims of the header; null when it is absent or not a principal.</summary>
    public static ClaimsPrincipal? Read(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        string? header = request.Headers[HeaderName];
        if (string.IsNullOrEmpty(header))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(header)));
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("claims", out var claims) || claims.ValueKind != JsonValueKind.Array)
            {
                return null;
            }

            var roleType = root.TryGetProperty("role_typ", out var rt) && rt.ValueKind == JsonValueKind.String ? rt.GetString() : null;
            var identity = new ClaimsIdentity("AppServiceAuthentication");
            foreach (var claim in claims.EnumerateArray())
            {
                if (claim.ValueKind == JsonValueKind.Object
                    && claim.TryGetProperty("typ", out var typ) && typ.ValueKind == JsonValueKind.String
                    && claim.TryGetProperty("val", out var val) && val.ValueKind == JsonValueKind.String)
                {
                    var type = typ.GetString()!;
                    identity.AddClaim(new Claim(type == roleType ? AccessRoleNames.RolesClaim : type, val.GetString()!));
                }
            }

            return new ClaimsPrincipal(identity);
        }
        catch (Exception ex) when (ex is FormatException or JsonException or ArgumentException)
        {
            return null;
        }
    }
}
