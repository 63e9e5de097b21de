using System.Globalization;
using System.Text;

namespace DataOps.Functions.Reports;

/// <summary>
/// Writes a report's rows as CSV (RFC 4180): a header of the column names, then one line per row, CRLF line ends,
/// fields quoted when they hold a comma, a quote, a line break or edge spaces. A text field that a spreadsheet would
/// read as a formula (starting with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, a tab or a carriage return) gets a leading
/// apostrophe; numbers are written as numbers.
/// </summary>
internal static class ReportCsv
{
    public static string Write(IReadOnlyList<string> columns, IEnumerable<object?[]> rows)
    {
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(rows);
        var csv = new StringBuilder();
        AppendLine(csv, columns.Cast<object?>().ToArray());
        foreach (var row in rows)
        {
            AppendLine(csv, row);
        }

        return csv.ToString();
    }

    /// <summary>One value as a CSV field.</summary>
    public static string Field(object? value)
    {
        var text = value switch
        {
            null => string.Empty,
            bool b => b ? "true" : "false",
            DateTimeOffset t => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture),
            double d => d.ToString("R", CultureInfo.InvariantCulture),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => Guard(value.ToString() ?? string.Empty),
        };
        var quote = text.Length > 0 && (text.AsSpan().IndexOfAny(",\"\r\n") >= 0 || text[0] == ' ' || text[^1] == ' ');
        return quote ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
    }

    private static string Guard(string text)
        => text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text;

    private static void AppendLine(StringBuilder csv, object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            if (i > 0)
            {
                csv.Append(',');
            }

            csv.Append(Field(values[i]));
        }

        csv.Append("\r\n");
    }
}
