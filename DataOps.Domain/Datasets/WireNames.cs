using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;

namespace DataOps.Domain.Datasets;

/// <summary>
/// The published (snake_case) names of the domain enums, used on HTTP, in queue messages, in storage
/// and in templates. Parsing is exact and case-insensitive; numbers are never accepted as names.
/// </summary>
public static class WireNames
{
    /// <summary>The snake_case wire name of an enum member, e.g. <c>ConfluencePages</c> -> <c>confluence_pages</c>.</summary>
    public static string ToWireName<TEnum>(this TEnum value)
        where TEnum : struct, Enum
    {
        var name = value.ToString();
        var builder = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c) && i > 0)
            {
                builder.Append('_');
            }

            builder.Append(char.ToLowerInvariant(c));
        }

        return builder.ToString();
    }

    /// <summary>Parses a wire name (<c>confluence_pages</c>); false for unknown names, numbers and null.</summary>
    public static bool TryParse<TEnum>(string? wireName, [NotNullWhen(true)] out TEnum? value)
        where TEnum : struct, Enum
    {
        value = null;
        if (string.IsNullOrWhiteSpace(wireName))
        {
            return false;
        }

        foreach (var candidate in Enum.GetValues<TEnum>())
        {
            if (string.Equals(candidate.ToWireName(), wireName, StringComparison.OrdinalIgnoreCase))
            {
                value = candidate;
                return true;
            }
        }

        return false;
    }

    /// <summary>Parses a wire name or throws <see cref="ArgumentException"/> listing the allowed names.</summary>
    public static TEnum Parse<TEnum>(string? wireName)
        where TEnum : struct, Enum
    {
        if (TryParse<TEnum>(wireName, out var value))
        {
            return value.Value;
        }

        throw new ArgumentException(string.Format(
            CultureInfo.InvariantCulture,
            "'{0}' is not a valid {1}; expected one of: {2}.",
            wireName,
            typeof(TEnum).Name,
            string.Join(", ", AllowedNames<TEnum>())));
    }

    /// <summary>All wire names of an enum, in declaration order.</summary>
    public static IReadOnlyList<string> AllowedNames<TEnum>()
        where TEnum : struct, Enum
        => Enum.GetValues<TEnum>().Select(v => v.ToWireName()).ToArray();
}
