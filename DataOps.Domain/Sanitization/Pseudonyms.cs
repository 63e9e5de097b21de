using System.Security.Cryptography;
using System.Text;

namespace DataOps.Domain.Sanitization;

/// <summary>
/// Deterministic, salted pseudonyms: an HMAC-SHA256 of the normalised original (trimmed, case-folded) picks a
/// made-up first and last name; e-mail addresses become <c>first.last.xxxx@example.com</c> (a reserved domain, so
/// always fake yet valid). Same input and salt, same pseudonym; the original cannot be read back.
/// </summary>
public static class Pseudonyms
{
    private static readonly string[] _first =
    [
        "Avery", "Blake", "Casey", "Dakota", "Emery", "Finley", "Harper", "Indigo", "Jordan", "Kai", "Logan", "Morgan",
        "Noel", "Oakley", "Parker", "Quinn", "Reese", "Sage", "Taylor", "Umber", "Val", "Wren", "Yael", "Zion",
        "Ari", "Bellamy", "Cameron", "Devon", "Ellis", "Frankie", "Gray", "Hollis",
    ];

    private static readonly string[] _last =
    [
        "Alder", "Birch", "Cedar", "Dunmore", "Eastwood", "Fairholm", "Glenrock", "Hawthorne", "Ivell", "Juniper",
        "Kestrel", "Linden", "Marlow", "Northby", "Oakridge", "Pell", "Quarry", "Rowan", "Selwyn", "Thorne", "Upton",
        "Vale", "Westbrook", "Yarrow", "Ashdown", "Brook", "Colby", "Dale", "Everly", "Fenwick", "Garrow", "Hale",
    ];

    /// <summary>A pseudonym "First Last" for a person's name.</summary>
    public static string Name(string name, string salt)
    {
        var hash = Hash(name, salt, "name");
        return $"{_first[hash[0] % _first.Length]} {_last[hash[1] % _last.Length]}";
    }

    /// <summary>A fake but valid address on example.com for an e-mail address.</summary>
    public static string Email(string email, string salt)
    {
        var hash = Hash(email, salt, "email");
        var first = _first[hash[0] % _first.Length];
        var last = _last[hash[1] % _last.Length];
        var suffix = Convert.ToHexString(hash, 2, 2);
        return $"{first}.{last}.{suffix}@example.com".ToLowerInvariant();
    }

    /// <summary>Whether an address has the shape <see cref="Email"/> produces (so sanitizing twice changes nothing).</summary>
    public static bool IsPseudonymEmail(string email)
    {
        ArgumentNullException.ThrowIfNull(email);
        var at = email.IndexOf('@', StringComparison.Ordinal);
        if (at < 0 || !email.AsSpan(at).Equals("@example.com", StringComparison.Ordinal))
        {
            return false;
        }

        var parts = email[..at].Split('.');
        return parts.Length == 3
            && parts[0].Length > 0 && parts[0].All(char.IsAsciiLetterLower)
            && parts[1].Length > 0 && parts[1].All(char.IsAsciiLetterLower)
            && parts[2].Length == 4 && parts[2].All(char.IsAsciiHexDigitLower);
    }

    private static byte[] Hash(string value, string salt, string purpose)
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentException.ThrowIfNullOrEmpty(salt);
        var normalized = string.Join(' ', value.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToUpperInvariant();
        return HMACSHA256.HashData(Encoding.UTF8.GetBytes(salt), Encoding.UTF8.GetBytes($"{purpose}:{normalized}"));
    }
}
