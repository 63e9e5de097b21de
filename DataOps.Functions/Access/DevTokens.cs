using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace DataOps.Functions.Access;

/// <summary>
/// Development tokens: HS256 JWTs from issuer <see cref="Issuer"/>, signed with <c>DataOps:Auth:DevSigningKey</c>, for
/// local runs and tests (as <c>dotnet user-jwts</c> mints them for ASP.NET Core). The app accepts them only while that
/// setting is present. Minted with Microsoft.IdentityModel's token handler.
/// </summary>
public static class DevTokens
{
    /// <summary>The issuer of every development token.</summary>
    public const string Issuer = "dataops-dev";

    /// <summary>The shortest signing key accepted: HS256 needs 256 bits.</summary>
    public const int MinimumKeyBytes = 32;

    /// <summary>A new random signing key, base64.</summary>
    public static string NewSigningKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(MinimumKeyBytes));

    /// <summary>The key of a base64 setting; throws when it is not base64 or too short.</summary>
    public static SymmetricSecurityKey SigningKey(string base64)
    {
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(base64);
        }
        catch (FormatException ex)
        {
            throw new InvalidOperationException($"{AccessOptions.SectionName}:DevSigningKey is not base64.", ex);
        }

        return bytes.Length < MinimumKeyBytes
            ? throw new InvalidOperationException($"{AccessOptions.SectionName}:DevSigningKey must be at least {MinimumKeyBytes} bytes.")
            : new SymmetricSecurityKey(bytes);
    }

    /// <summary>Mints a token for a person with <paramref name="roles"/> and, for an Engineer, <paramref name="clients"/>.</summary>
    /// <param name="signingKey">The base64 signing key.</param>
    /// <param name="audience">The audience (the app's <c>DataOps:Auth:Audience</c>).</param>
    /// <param name="name">The person's user name (<c>preferred_username</c> and <c>name</c>).</param>
    /// <param name="roles">App role names, e.g. <c>DataOps.Engineer</c>.</param>
    /// <param name="clients">Client ids for <c>dataops_clients</c>; none leaves the claim out.</param>
    /// <param name="lifetime">How long it is valid from <paramref name="now"/>.</param>
    /// <param name="now">The issue time.</param>
    /// <param name="issuer">The issuer; only tests pass another.</param>
    public static string Mint(
        string signingKey,
        string audience,
        string name,
        IEnumerable<string> roles,
        IEnumerable<string> clients,
        TimeSpan lifetime,
        DateTimeOffset now,
        string issuer = Issuer)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var claims = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["oid"] = ObjectIdOf(name),
            ["name"] = name,
            ["preferred_username"] = name,
            [AccessRoleNames.RolesClaim] = roles.ToArray(),
        };
        var clientList = clients.ToArray();
        if (clientList.Length > 0)
        {
            claims[AccessRoleNames.ClientsClaim] = clientList;
        }

        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            Claims = claims,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime.AddMinutes(-1),
            Expires = now.UtcDateTime + lifetime,
            SigningCredentials = new SigningCredentials(SigningKey(signingKey), SecurityAlgorithms.HmacSha256),
        };
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
    }

    // A stable, recognisably fake object id per development user, so the audit log groups one user's actions.
    private static string ObjectIdOf(string name)
        => new Guid(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes("dataops-dev:" + name)).AsSpan(0, 16)).ToString();

    /// <summary>The claims of a development token, for tests that read one back.</summary>
    internal static IEnumerable<Claim> ClaimsOf(string token) => new JsonWebTokenHandler().ReadJsonWebToken(token).Claims;
}
