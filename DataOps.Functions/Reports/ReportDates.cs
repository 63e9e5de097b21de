using System.Globalization;

namespace DataOps.Functions.Reports;

/// <summary>A report's date: the UTC day it was produced, written <c>yyyy-MM-dd</c>.</summary>
internal static class ReportDates
{
    public const string Pattern = "yyyy-MM-dd";

    /// <summary>The report date of an instant.</summary>
    public static string Format(DateTimeOffset at) => at.UtcDateTime.ToString(Pattern, CultureInfo.InvariantCulture);

    /// <summary>Whether <paramref name="text"/> is a calendar date written <c>yyyy-MM-dd</c>.</summary>
    public static bool TryParse(string? text, out DateOnly date)
        => DateOnly.TryParseExact(text, Pattern, CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
}
