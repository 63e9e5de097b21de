using System.Security.Claims;
using System.Text.Json;
using DataOps.Domain.Datasets;

namespace DataOps.Functions.Access;

/// <summary>Maps a validated principal (bearer token or App Service's) to a <see cref="Caller"/>.</summary>
internal static class CallerClaims
{
    private const int MaxNameLength = 128;
    private const string LongObjectId = "http://schemas.microsoft.com/identity/claims/objectidentifier";

    public static Caller From(ClaimsPrincipal principal, CallerKind kind)
    {
        ArgumentNullException.ThrowIfNull(principal);
        var roles = AccessRoleNames.Parse(principal.FindAll(c => c.Type is AccessRoleNames.RolesClaim or ClaimTypes.Role).Select(c => c.Value));
        var objectId = First(principal, "oid", LongObjectId, "sub", ClaimTypes.NameIdentifier) ?? "unknown";
        var name = First(principal, "preferred_username", "name", ClaimTypes.Name, "upn", ClaimTypes.Upn);
        return new Caller(kind, Printable(objectId) ?? "unknown", Printable(name) ?? Printable(objectId) ?? "unknown", roles, Clients(principal));
    }

    private static HashSet<string> Clients(ClaimsPrincipal principal)
    {
        var clients = new HashSet<string>(StringComparer.Ordinal);
        foreach (var claim in principal.FindAll(AccessRoleNames.ClientsClaim))
        {
            // A token carries the array as one claim per item; App Service may pass it as one JSON array string.
            foreach (var value in claim.Value.TrimStart().StartsWith('[') ? JsonItems(claim.Value) : [claim.Value])
            {
                if (ClientId.TryCreate(value, out var client, out _))
                {
                    clients.Add(client.Value);
                }
            }
        }

        return clients;
    }

    private static string[] JsonItems(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<string[]>(json) ?? [];
        }
        catch (JsonException)
        {
            return [];
        }
    }

    private static string? First(ClaimsPrincipal principal, params string[] types)
        => types.Select(t => principal.FindFirst(t)?.Value).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));

    // Names go into the audit log, the events and requestedBy: keep them one printable line of bounded length.
    private static string? Printable(string? value)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Any(char.IsControl))
        {
            return null;
        }

        var trimmed = value.Trim();
        return trimmed.Length <= MaxNameLength ? trimmed : trimmed[..MaxNameLength];
    }
}
