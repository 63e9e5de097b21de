using System.Globalization;
using System.Text;

namespace DataOps.Glean.Model;

/// <summary>
/// Derives the Glean datasource name from a connector name. Glean wants lower-case letters and digits,
/// so the rule is: lower-case the name, drop every other character, and if the result passes
/// <see cref="MaxLength"/> keep the first 41 characters and append 8 hex digits of an FNV-1a hash of the
/// full connector name. <c>ACME-sandbox-confluence</c> -> <c>acmesandboxconfluence</c>.
/// </summary>
/// <remarks>
/// Dropping punctuation can make two connector names meet (<c>a-bc</c> and <c>ab-c</c>). The adapter
/// therefore records the connector name as the datasource <c>displayName</c> and refuses to create a
/// connector over a datasource that carries another connector's name.
/// </remarks>
internal static class DatasourceNames
{
    /// <summary>The longest datasource name produced.</summary>
    public const int MaxLength = 50;

    private const int KeptPrefix = 41;

    /// <summary>The datasource name of <paramref name="connectorName"/>; throws when nothing usable is left.</summary>
    public static string From(string connectorName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectorName);
        var builder = new StringBuilder(connectorName.Length);
        foreach (var c in connectorName)
        {
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9')
            {
                builder.Append(c);
            }
            else if (c is >= 'A' and <= 'Z')
            {
                builder.Append(char.ToLowerInvariant(c));
            }
        }

        if (builder.Length == 0)
        {
            throw new ArgumentException($"connector name '{connectorName}' has no ASCII letter or digit to build a Glean datasource name from", nameof(connectorName));
        }

        return builder.Length <= MaxLength
            ? builder.ToString()
            : builder.ToString(0, KeptPrefix) + Fnv1a(connectorName).ToString("x8", CultureInfo.InvariantCulture);
    }

    /// <summary>True when <paramref name="name"/> is a name Glean accepts (1-50 lower-case letters or digits).</summary>
    public static bool IsValid(string? name) =>
        name is { Length: > 0 and <= MaxLength } && name.All(c => c is >= 'a' and <= 'z' or >= '0' and <= '9');

    private static uint Fnv1a(string text)
    {
        var hash = 2166136261u;
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            hash = unchecked((hash ^ b) * 16777619u);
        }

        return hash;
    }
}
