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
        => Names<TEnum>.ToWire.TryGetValue(value, out var name) ? name : SnakeCase(value.ToString());

    /// <summary>Parses a wire name (<c>confluence_pages</c>); false for unknown names, numbers and null.</summary>
    public static bool TryParse<TEnum>(string? wireName, [NotNullWhen(true)] out TEnum? value)
        where TEnum : struct, Enum
    {
        value = null;
        if (string.IsNullOrWhiteSpace(wireName))
        {
            return false;
        }

        if (Names<TEnum>.FromWire.TryGetValue(wireName, out var found))
        {
            value = found;
            return true;
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
        => Names<TEnum>.Allowed;

    private static string SnakeCase(string name)
    {
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

    /// <summary>An enum's wire names, worked out once: every registry row, listing and projection entry is read through them.</summary>
    private static class Names<TEnum>
        where TEnum : struct, Enum
    {
        private static readonly TEnum[] Values = Enum.GetValues<TEnum>();

        public static readonly string[] Allowed = [.. Values.Select(v => SnakeCase(v.ToString()))];

        public static readonly Dictionary<TEnum, string> ToWire =
            Values.Zip(Allowed).DistinctBy(p => p.First).ToDictionary(p => p.First, p => p.Second);

        // The first member with a name wins, as a search in declaration order would.
        public static readonly Dictionary<string, TEnum> FromWire =
            Values.Zip(Allowed).DistinctBy(p => p.Second, StringComparer.OrdinalIgnoreCase).ToDictionary(p => p.Second, p => p.First, StringComparer.OrdinalIgnoreCase);
    }
}
