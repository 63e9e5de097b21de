using System.Diagnostics.CodeAnalysis;

namespace DataOps.Durable.Hosting.Timers;

/// <summary>
/// A six-field cron schedule (<c>second minute hour day month day-of-week</c>), as Azure Functions timer
/// triggers use. Day-of-month and day-of-week must both match (as in NCrontab, which Functions uses).
/// </summary>
internal sealed class CronSchedule
{
    private static readonly string[] Months = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];
    private static readonly string[] Days = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];

    private readonly CronField _seconds;
    private readonly CronField _minutes;
    private readonly CronField _hours;
    private readonly CronField _days;
    private readonly CronField _months;
    private readonly CronField _daysOfWeek;

    private CronSchedule(string expression, CronField[] fields)
    {
        Expression = expression;
        (_seconds, _minutes, _hours, _days, _months, _daysOfWeek) = (fields[0], fields[1], fields[2], fields[3], fields[4], fields[5]);
    }

    public string Expression { get; }

    public static CronSchedule Parse(string expression) =>
        TryParse(expression, out var schedule, out var error) ? schedule : throw new FormatException(error);

    public static bool TryParse(string expression, [NotNullWhen(true)] out CronSchedule? schedule, [NotNullWhen(false)] out string? error)
    {
        schedule = null;
        var parts = expression.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length != 6)
        {
            error = $"expected 6 fields (second minute hour day month day-of-week), found {parts.Length}";
            return false;
        }

        try
        {
            schedule = new CronSchedule(string.Join(' ', parts),
            [
                CronField.Parse(parts[0], "second", 0, 59, null, 0, false),
                CronField.Parse(parts[1], "minute", 0, 59, null, 0, false),
                CronField.Parse(parts[2], "hour", 0, 23, null, 0, false),
                CronField.Parse(parts[3], "day", 1, 31, null, 0, false),
                CronField.Parse(parts[4], "month", 1, 12, Months, 1, false),
                CronField.Parse(parts[5], "day-of-week", 0, 7, Days, 0, true),
            ]);
            error = null;
            return true;
        }
        catch (FormatException ex)
        {
            error = ex.Message;
            return false;
        }
    }

    /// <summary>The first occurrence strictly after <paramref name="after"/>, evaluated in <paramref name="zone"/>; null when none within five years.</summary>
    public DateTimeOffset? GetNextOccurrence(DateTimeOffset after, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(after, zone).DateTime;
        var t = new DateTime(local.Year, local.Month, local.Day, local.Hour, local.Minute, local.Second, DateTimeKind.Unspecified).AddSeconds(1);
        var limit = t.AddYears(5);
        while (t < limit)
        {
            if (!_months.Contains(t.Month))
            {
                t = new DateTime(t.Year, t.Month, 1, 0, 0, 0, DateTimeKind.Unspecified).AddMonths(1);
            }
            else if (!_days.Contains(t.Day) || !_daysOfWeek.Contains((int)t.DayOfWeek))
            {
                t = t.Date.AddDays(1);
            }
            else if (!_hours.Contains(t.Hour))
            {
                t = t.Date.AddHours(t.Hour + 1);
            }
            else if (!_minutes.Contains(t.Minute))
            {
                t = t.Date.AddHours(t.Hour).AddMinutes(t.Minute + 1);
            }
            else if (!_seconds.Contains(t.Second))
            {
                t = t.AddSeconds(1);
            }
            else if (zone.IsInvalidTime(t))
            {
                // A wall-clock time skipped by a daylight-saving jump never happens.
                t = t.AddSeconds(1);
            }
            else
            {
                var offset = zone.IsAmbiguousTime(t) ? zone.GetAmbiguousTimeOffsets(t).Max() : zone.GetUtcOffset(t);
                var candidate = new DateTimeOffset(t, offset);
                if (candidate > after)
                {
                    return candidate.ToUniversalTime();
                }

                t = t.AddSeconds(1);
            }
        }

        return null;
    }

    public override string ToString() => Expression;
}
