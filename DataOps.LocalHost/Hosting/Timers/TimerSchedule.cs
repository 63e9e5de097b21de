using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.RegularExpressions;
using Cronos;

namespace DataOps.LocalHost.Hosting.Timers;

/// <summary>
/// A timer trigger's schedule: a six-field NCRONTAB expression (<c>second minute hour day month day-of-week</c>) as
/// Azure Functions accepts it, parsed and stepped by Cronos.
/// </summary>
/// <remarks>
/// Cronos reads more than Azure Functions does. <c>L</c>, <c>W</c>, <c>#</c>, <c>H</c> and <c>@</c> macros are refused
/// because the platform would reject the same app at start-up; a range written backwards (<c>FRI-MON</c>) is refused
/// because Cronos wraps it round the end of the field while Azure Functions swaps its ends, so it would run at
/// different times here and there.
/// </remarks>
internal sealed partial class TimerSchedule
{
    private const string CronosPrefix = "The given cron expression has an invalid format. ";
    private static readonly string[] FieldNames = ["second", "minute", "hour", "day", "month", "day-of-week"];
    private static readonly string[] Months = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];
    private static readonly string[] Days = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];

    private readonly CronExpression _cron;

    private TimerSchedule(string expression, CronExpression cron)
    {
        Expression = expression;
        _cron = cron;
    }

    /// <summary>The expression as configured (after <c>%Setting%</c> resolution).</summary>
    public string Expression { get; }

    public static bool TryParse(string expression, [NotNullWhen(true)] out TimerSchedule? schedule, [NotNullWhen(false)] out string? error)
    {
        schedule = null;
        var fields = expression.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (fields.Length != 6)
        {
            error = $"expected 6 fields (second minute hour day month day-of-week), found {fields.Length}";
            return false;
        }

        for (var i = 0; i < fields.Length; i++)
        {
            error = CheckAzureFunctionsSyntax(FieldNames[i], fields[i], i == 4 ? Months : i == 5 ? Days : null, i == 4 ? 1 : 0);
            if (error is not null)
            {
                return false;
            }
        }

        try
        {
            schedule = new TimerSchedule(expression.Trim(), CronExpression.Parse(string.Join(' ', fields), CronFormat.IncludeSeconds));
            error = null;
            return true;
        }
        catch (CronFormatException ex)
        {
            error = ex.Message.StartsWith(CronosPrefix, StringComparison.Ordinal) ? ex.Message[CronosPrefix.Length..] : ex.Message;
            return false;
        }
    }

    /// <summary>The first occurrence strictly after <paramref name="after"/>, evaluated in <paramref name="zone"/>, in UTC; null when there is none.</summary>
    /// <remarks>
    /// Daylight saving as Cronos handles it: a time skipped by a jump forward runs at the jump; in the hour repeated by a
    /// jump back, a fixed time runs once and a field with <c>*</c>, <c>-</c> or <c>/</c> runs in both passes.
    /// </remarks>
    public DateTimeOffset? GetNextOccurrence(DateTimeOffset after, TimeZoneInfo zone) =>
        _cron.GetNextOccurrence(after, zone)?.ToUniversalTime();

    public override string ToString() => Expression;

    private static string? CheckAzureFunctionsSyntax(string field, string text, string[]? names, int nameBase)
    {
        if (InvalidCharacter().Match(text) is { Success: true } invalid)
        {
            return $"{field} field '{text}': '{invalid.Value}' is not part of an Azure Functions schedule";
        }

        foreach (Match word in Word().Matches(text))
        {
            if (names is null || !names.Contains(word.Value, StringComparer.OrdinalIgnoreCase))
            {
                return names is null
                    ? $"{field} field '{text}': '{word.Value}' is not part of an Azure Functions schedule (numbers, *, ?, ranges, steps and lists)"
                    : $"{field} field '{text}': '{word.Value}' is not part of an Azure Functions schedule (numbers or {names[0]}-{names[^1]})";
            }
        }

        foreach (var item in text.Split(','))
        {
            var range = item.Split('/')[0].Split('-');
            if (range.Length == 2 && Value(range[0], names, nameBase) is { } from && Value(range[1], names, nameBase) is { } to && from > to)
            {
                return $"{field} field range '{range[0]}-{range[1]}' runs backwards; write it in ascending order";
            }
        }

        return null;
    }

    private static int? Value(string token, string[]? names, int nameBase)
    {
        if (int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            return number;
        }

        var index = names is null ? -1 : Array.FindIndex(names, n => n.Equals(token, StringComparison.OrdinalIgnoreCase));
        return index >= 0 ? index + nameBase : null;
    }

    [GeneratedRegex("[^0-9A-Za-z*?,/-]")]
    private static partial Regex InvalidCharacter();

    [GeneratedRegex("[A-Za-z]+")]
    private static partial Regex Word();
}
