using System.Globalization;

namespace DataOps.Domain.Common;

/// <summary>
/// The character rules shared by every id and name. Values end up in Azure Table partition and row keys,
/// blob paths, queue messages and URL paths, so the characters that break any of those are refused:
/// control characters, <c>/</c> and <c>\</c> (path separators, illegal in table keys), <c>#</c> and <c>?</c>
/// (illegal in table keys, meaningful in URLs) and <c>%</c> (escapes in URL paths).
/// </summary>
public static class IdentifierRules
{
    /// <summary>The printable characters no id or name may contain.</summary>
    public static IReadOnlyList<char> ForbiddenCharacters { get; } = ['/', '\\', '#', '?', '%'];

    /// <summary>
    /// Checks a candidate value. Returns null when it is valid, otherwise the reason (never the value itself).
    /// </summary>
    /// <param name="value">The candidate.</param>
    /// <param name="maxLength">Maximum length in UTF-16 code units.</param>
    /// <param name="allowInnerSpaces">Whether single spaces inside the value are allowed (names) or not (ids).</param>
    public static string? Check(string? value, int maxLength, bool allowInnerSpaces)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return "must not be empty";
        }

        if (value.Length > maxLength)
        {
            return string.Format(CultureInfo.InvariantCulture, "must be at most {0} characters long (was {1})", maxLength, value.Length);
        }

        if (char.IsWhiteSpace(value[0]) || char.IsWhiteSpace(value[^1]))
        {
            return "must not start or end with whitespace";
        }

        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsControl(c))
            {
                return string.Format(CultureInfo.InvariantCulture, "must not contain control characters (U+{0:X4} at position {1})", (int)c, i);
            }

            if (ForbiddenCharacters.Contains(c))
            {
                return string.Format(CultureInfo.InvariantCulture, "must not contain '{0}'", c);
            }

            if (char.IsWhiteSpace(c) && (!allowInnerSpaces || c != ' '))
            {
                return allowInnerSpaces
                    ? "must not contain whitespace other than single spaces"
                    : "must not contain whitespace";
            }

            if (char.IsSurrogate(c) || c is '\uFFFE' or '\uFFFF')
            {
                return string.Format(CultureInfo.InvariantCulture, "must not contain non-character code points (at position {0})", i);
            }
        }

        return null;
    }
}
