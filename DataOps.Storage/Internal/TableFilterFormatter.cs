using System.Globalization;

namespace DataOps.Storage.Internal;

/// <summary>Turns interpolated values into OData literals so that a filter cannot be broken by its arguments.</summary>
internal static class TableFilterFormatter
{
    public static string Format(FormattableString filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var literals = filter.GetArguments().Select(Literal).ToArray<object?>();

        // Format specifiers in the template are ignored: each argument has exactly one literal form.
        var format = System.Text.RegularExpressions.Regex.Replace(filter.Format, @"\{(\d+)(,[^}:]*)?(:[^}]*)?\}", "{$1}");
        return string.Format(CultureInfo.InvariantCulture, format, literals);
    }

    public static string Literal(object? value) => value switch
    {
        null => "null",
        string s => Quote(s),
        char c => Quote(c.ToString()),
        bool b => b ? "true" : "false",
        int i => i.ToString(CultureInfo.InvariantCulture),
        long l => l.ToString(CultureInfo.InvariantCulture) + "L",
        double d => DoubleLiteral(d),
        float f => DoubleLiteral(f),
        decimal m => DoubleLiteral((double)m),
        Guid g => $"guid'{g:D}'",
        DateTimeOffset dto => $"datetime'{EntitySerializer.FormatDate(dto)}'",
        DateTime dt => $"datetime'{EntitySerializer.FormatDate(EntitySerializer.ToOffset(dt))}'",
        byte[] bytes => $"X'{Convert.ToHexStringLower(bytes)}'",
        BinaryData data => $"X'{Convert.ToHexStringLower(data.ToMemory().Span)}'",
        Enum e => Quote(e.ToString()),
        _ => Quote(Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty),
    };

    private static string Quote(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";

    private static string DoubleLiteral(double value)
    {
        var text = value.ToString("R", CultureInfo.InvariantCulture);
        return text.Contains('.', StringComparison.Ordinal) || text.Contains('E', StringComparison.Ordinal) ? text : text + ".0";
    }
}
