namespace DataOps.Domain.Templates;

/// <summary>
/// Orders template versions: dotted numeric versions (optionally prefixed with <c>v</c>) numerically,
/// anything else after them, ordinally. Numeric versions sort above non-numeric ones.
/// </summary>
public sealed class TemplateVersionComparer : IComparer<string>
{
    /// <summary>The shared instance.</summary>
    public static TemplateVersionComparer Instance { get; } = new();

    /// <inheritdoc/>
    public int Compare(string? x, string? y)
    {
        var vx = Parse(x);
        var vy = Parse(y);
        return (vx, vy) switch
        {
            (not null, not null) => vx.CompareTo(vy),
            (not null, null) => 1,
            (null, not null) => -1,
            _ => string.CompareOrdinal(x, y),
        };
    }

    private static Version? Parse(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        var text = value[0] is 'v' or 'V' ? value[1..] : value;
        if (!text.Contains('.', StringComparison.Ordinal))
        {
            text += ".0";
        }

        return Version.TryParse(text, out var version) ? version : null;
    }
}
