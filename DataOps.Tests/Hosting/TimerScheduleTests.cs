using System.Globalization;
using DataOps.LocalHost.Hosting.Timers;

namespace DataOps.Tests.Hosting;

/// <summary>The schedules a timer trigger accepts and when they fire, as the timer listener asks for them.</summary>
public sealed class TimerScheduleTests
{
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    [Theory]
    [InlineData("0 0 2 * * *", "2026-01-01T00:00:00Z", "2026-01-01T02:00:00Z")]
    [InlineData("0 0 2 * * *", "2026-01-01T02:00:00Z", "2026-01-02T02:00:00Z")]
    [InlineData("*/15 * * * * *", "2026-01-01T00:00:07Z", "2026-01-01T00:00:15Z")]
    [InlineData("*/15 * * * * *", "2026-01-01T00:00:15.250Z", "2026-01-01T00:00:30Z")]
    [InlineData("0 */5 * * * *", "2026-01-01T10:03:00Z", "2026-01-01T10:05:00Z")]
    [InlineData("0 30 9 * * MON-FRI", "2026-01-03T00:00:00Z", "2026-01-05T09:30:00Z")]
    [InlineData("0 30 9 * * 1-5", "2026-01-05T09:30:00Z", "2026-01-06T09:30:00Z")]
    [InlineData("0 0 0 1 JAN *", "2026-03-01T00:00:00Z", "2027-01-01T00:00:00Z")]
    [InlineData("0 0 12 29 2 *", "2026-03-01T00:00:00Z", "2028-02-29T12:00:00Z")]
    [InlineData("0 0 0 * * 7", "2026-01-01T00:00:00Z", "2026-01-04T00:00:00Z")]
    [InlineData("0 0 0 * * sun", "2026-01-01T00:00:00Z", "2026-01-04T00:00:00Z")]
    [InlineData("0 15,45 8-10 * * *", "2026-01-01T08:15:00Z", "2026-01-01T08:45:00Z")]
    [InlineData("0 15,45 8-10 * * *", "2026-01-01T10:45:00Z", "2026-01-02T08:15:00Z")]
    [InlineData("0 0 0 31 * *", "2026-04-01T00:00:00Z", "2026-05-31T00:00:00Z")]
    [InlineData("0 0 9-17/4 * * *", "2026-01-01T13:00:00Z", "2026-01-01T17:00:00Z")]
    [InlineData("0 0 9/4 * * *", "2026-01-01T17:00:00Z", "2026-01-01T21:00:00Z")]
    [InlineData("0 0 0 1 * SUN", "2026-01-01T00:00:00Z", "2026-02-01T00:00:00Z")]
    [InlineData("0 0 0 ? * *", "2026-12-31T12:00:00Z", "2027-01-01T00:00:00Z")]
    [InlineData("30 59 23 31 DEC *", "2026-12-31T23:59:30Z", "2027-12-31T23:59:30Z")]
    [InlineData("  0 0 2  * * *  ", "2026-01-01T00:00:00Z", "2026-01-01T02:00:00Z")]
    public void GetNextOccurrence_Utc_ReturnsExpected(string expression, string after, string expected)
    {
        var next = Parse(expression).GetNextOccurrence(At(after), TimeZoneInfo.Utc);

        Assert.Equal(At(expected), next);
    }

    [Theory]
    // Summer and winter time: 02:00 in London is 01:00 or 02:00 UTC.
    [InlineData("0 0 2 * * *", "2026-06-01T00:00:00Z", "2026-06-01T01:00:00Z")]
    [InlineData("0 0 2 * * *", "2026-12-01T00:00:00Z", "2026-12-01T02:00:00Z")]
    // 29 March 2026: 01:00-02:00 does not exist; 01:30 runs at the jump (02:00 BST) rather than being skipped.
    [InlineData("0 30 1 * * *", "2026-03-28T12:00:00Z", "2026-03-29T01:00:00Z")]
    [InlineData("0 30 1 * * *", "2026-03-29T01:00:00Z", "2026-03-30T00:30:00Z")]
    // 25 October 2026: 01:00-02:00 happens twice; a fixed time runs once (the first pass)...
    [InlineData("0 30 1 * * *", "2026-10-25T00:00:00Z", "2026-10-25T00:30:00Z")]
    [InlineData("0 30 1 * * *", "2026-10-25T00:30:00Z", "2026-10-26T01:30:00Z")]
    // ...while an interval keeps its pace through both passes.
    [InlineData("0 */30 * * * *", "2026-10-25T00:30:00Z", "2026-10-25T01:00:00Z")]
    [InlineData("0 */30 * * * *", "2026-10-25T01:00:00Z", "2026-10-25T01:30:00Z")]
    public void GetNextOccurrence_LondonTime_FollowsDaylightSaving(string expression, string after, string expected)
    {
        var next = Parse(expression).GetNextOccurrence(At(after), London);

        Assert.Equal(At(expected), next);
        Assert.Equal(TimeSpan.Zero, next!.Value.Offset);
    }

    [Theory]
    [InlineData("0 0 2 * *", "expected 6 fields")]
    [InlineData("0 0 0 2 * * *", "expected 6 fields")]
    [InlineData("00:05:00", "expected 6 fields")]
    [InlineData("@daily", "expected 6 fields")]
    [InlineData("60 * * * * *", "Seconds")]
    [InlineData("* * 24 * * *", "Hours")]
    [InlineData("* * * 0 * *", "Days of month")]
    [InlineData("* * * * 13 *", "Months")]
    [InlineData("* * * * * 8", "Days of week")]
    [InlineData("*/0 * * * * *", "Seconds")]
    [InlineData("1,,2 * * * * *", "Seconds")]
    [InlineData("* * * * * FOO", "day-of-week field 'FOO': 'FOO' is not part of an Azure Functions schedule")]
    [InlineData("* * * * * Monday", "'Monday' is not part of an Azure Functions schedule")]
    [InlineData("a * * * * *", "second field 'a': 'a' is not part of an Azure Functions schedule")]
    [InlineData("5-1 * * * * *", "second field range '5-1' runs backwards")]
    [InlineData("0 0 22-2 * * *", "hour field range '22-2' runs backwards")]
    [InlineData("0 0 0 * * FRI-MON", "day-of-week field range 'FRI-MON' runs backwards")]
    [InlineData("0 0 0 * DEC-FEB *", "month field range 'DEC-FEB' runs backwards")]
    public void TryParse_Invalid_ExplainsWhichField(string expression, string expectedError)
    {
        Assert.False(TimerSchedule.TryParse(expression, out var schedule, out var error));
        Assert.Null(schedule);
        Assert.Contains(expectedError, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0 0 0 L * *", "'L'")]
    [InlineData("0 0 0 15W * *", "'W'")]
    [InlineData("0 0 0 * * 5L", "'L'")]
    [InlineData("0 0 0 * * FRI#2", "'#'")]
    [InlineData("H 0 0 * * *", "'H'")]
    public void TryParse_SyntaxAzureFunctionsRejects_RefusedThoughCronosReadsIt(string expression, string token)
    {
        Assert.False(TimerSchedule.TryParse(expression, out _, out var error));
        Assert.Contains(token + " is not part of an Azure Functions schedule", error, StringComparison.Ordinal);
    }

    [Fact]
    public void GetNextOccurrence_ImpossibleDate_ReturnsNull()
    {
        var next = Parse("0 0 0 30 2 *").GetNextOccurrence(DateTimeOffset.UnixEpoch, TimeZoneInfo.Utc);

        Assert.Null(next);
    }

    private static TimerSchedule Parse(string expression) =>
        TimerSchedule.TryParse(expression, out var schedule, out var error) ? schedule : throw new FormatException(error);

    private static DateTimeOffset At(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture);
}
