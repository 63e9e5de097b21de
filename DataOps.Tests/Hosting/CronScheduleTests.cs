using DataOps.Durable.Hosting.Timers;

namespace DataOps.Tests.Hosting;

public sealed class CronScheduleTests
{
    [Theory]
    [InlineData("0 0 2 * * *", "2026-01-01T00:00:00Z", "2026-01-01T02:00:00Z")]
    [InlineData("0 0 2 * * *", "2026-01-01T02:00:00Z", "2026-01-02T02:00:00Z")]
    [InlineData("*/15 * * * * *", "2026-01-01T00:00:07Z", "2026-01-01T00:00:15Z")]
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
    public void GetNextOccurrence_Utc_ReturnsExpected(string expression, string after, string expected)
    {
        var schedule = CronSchedule.Parse(expression);

        var next = schedule.GetNextOccurrence(DateTimeOffset.Parse(after, System.Globalization.CultureInfo.InvariantCulture), TimeZoneInfo.Utc);

        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), next);
    }

    [Theory]
    [InlineData("0 0 2 * * *", "2026-06-01T00:00:00Z", "2026-06-01T01:00:00Z")]
    [InlineData("0 0 2 * * *", "2026-12-01T00:00:00Z", "2026-12-01T02:00:00Z")]
    [InlineData("0 30 1 * * *", "2026-03-28T12:00:00Z", "2026-03-30T00:30:00Z")]
    public void GetNextOccurrence_LondonTime_FollowsDaylightSaving(string expression, string after, string expected)
    {
        var london = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

        var next = CronSchedule.Parse(expression).GetNextOccurrence(DateTimeOffset.Parse(after, System.Globalization.CultureInfo.InvariantCulture), london);

        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), next);
    }

    [Theory]
    [InlineData("0 0 2 * *", "expected 6 fields")]
    [InlineData("60 * * * * *", "second value 60")]
    [InlineData("* * 24 * * *", "hour value 24")]
    [InlineData("* * * 0 * *", "day value 0")]
    [InlineData("* * * * 13 *", "month value 13")]
    [InlineData("* * * * * FOO", "day-of-week value 'FOO'")]
    [InlineData("*/0 * * * * *", "invalid step")]
    [InlineData("5-1 * * * * *", "goes backwards")]
    [InlineData("1,,2 * * * * *", "empty list item")]
    [InlineData("a * * * * *", "second value 'a'")]
    public void TryParse_Invalid_ExplainsWhichField(string expression, string expectedError)
    {
        Assert.False(CronSchedule.TryParse(expression, out _, out var error));
        Assert.Contains(expectedError, error, StringComparison.Ordinal);
    }

    [Fact]
    public void GetNextOccurrence_ImpossibleDate_ReturnsNull()
    {
        var next = CronSchedule.Parse("0 0 0 30 2 *").GetNextOccurrence(DateTimeOffset.UnixEpoch, TimeZoneInfo.Utc);

        Assert.Null(next);
    }
}
