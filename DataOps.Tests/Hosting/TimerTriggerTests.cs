using System.Text.Json;
using Azure;
using Azure.Storage.Blobs;
using DataOps.LocalHost.Hosting.Timers;
using DataOps.Tests.Hosting.Functions;
using DataOps.Tests.Infrastructure;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace DataOps.Tests.Hosting;

/// <summary>
/// Timer functions on a <see cref="FakeTimeProvider"/>. A test moves the clock only once the lock holder has written the
/// schedule status with the expected next occurrence: it has then chosen that occurrence and waits for it on the clock
/// (if the clock moves first, the listener finds the occurrence already due and runs it at once).
/// </summary>
public sealed class TimerTriggerTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    // An explicit start (FakeTimeProvider's default is 2000-01-01) and no AutoAdvanceAmount: reading the time must not
    // move it, or each read by the listener would shift the schedule.
    private readonly FakeTimeProvider _clock = new(Start);
    private readonly string _hostId = AzuriteFixture.UniqueName("timers");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Timer_ClockReachesOccurrences_FiresAtEachAndPersistsStatus()
    {
        await using var host = await StartAsync("0 */5 * * * *");
        await WaitForStatusAsync(Start.AddMinutes(5));
        Assert.Equal(0, Runs(host));

        _clock.Advance(TimeSpan.FromMinutes(5));
        await Eventually.HoldsAsync(() => Runs(host) == 1, "the 00:05 run happens");
        await WaitForStatusAsync(Start.AddMinutes(10));
        _clock.Advance(TimeSpan.FromMinutes(4));
        _clock.Advance(TimeSpan.FromMinutes(1));
        await Eventually.HoldsAsync(() => Runs(host) == 2, "the 00:10 run happens");
        var status = (await WaitForStatusAsync(Start.AddMinutes(15))).Status;

        var runs = host.Recorder.Values<TimerTestFunctions.TickSeen>(nameof(TimerTestFunctions.Tick));
        Assert.Equal([Start.AddMinutes(5), Start.AddMinutes(10)], runs.Select(r => r.At));
        Assert.All(runs, r => Assert.False(r.Timer.IsPastDue));
        Assert.Equal(Start.AddMinutes(10).UtcDateTime, runs[1].Timer.ScheduleStatus?.Next);
        Assert.Equal(Start.AddMinutes(10), status.Last);
        Assert.Equal(Start.AddMinutes(15), status.Next);
    }

    [Fact]
    public async Task Timer_TwoHostsShareSchedule_OnlyLockHolderRunsAndOtherTakesOver()
    {
        var first = await StartAsync("0 */5 * * * *");
        await using var second = await StartAsync("0 */5 * * * *");
        try
        {
            await WaitForStatusAsync(Start.AddMinutes(5));
            _clock.Advance(TimeSpan.FromMinutes(5));
            await Eventually.HoldsAsync(() => Runs(first) + Runs(second) == 1, "one host runs 00:05");
            var leaderWaits = await WaitForStatusAsync(Start.AddMinutes(10));
            Assert.Equal(1, Runs(first) + Runs(second));

            var (leader, follower) = Runs(first) == 1 ? (first, second) : (second, first);
            await leader.DisposeAsync();
            await WaitForStatusAsync(Start.AddMinutes(10), rewrittenSince: leaderWaits.ETag);
            _clock.Advance(TimeSpan.FromMinutes(5));
            await Eventually.HoldsAsync(() => Runs(follower) == 1, "the other host runs 00:10 after taking the lock");
            var run = follower.Recorder.Values<TimerTestFunctions.TickSeen>(nameof(TimerTestFunctions.Tick)).Single();
            Assert.Equal(Start.AddMinutes(10), run.At);
            Assert.False(run.Timer.IsPastDue);
        }
        finally
        {
            await first.DisposeAsync();
        }
    }

    [Fact]
    public async Task Timer_RunMissedWhileAllHostsDown_RunsOnceAtStartupAsPastDue()
    {
        await using (var before = await StartAsync("0 0 2 * * *"))
        {
            await WaitForStatusAsync(Start.AddHours(2));
        }

        _clock.Advance(TimeSpan.FromHours(3));
        ETag caughtUp;
        await using (var after = await StartAsync("0 0 2 * * *"))
        {
            await Eventually.HoldsAsync(() => Runs(after) == 1, "the missed 02:00 run is caught up");
            caughtUp = (await WaitForStatusAsync(Start.AddDays(1).AddHours(2))).ETag;
            var run = after.Recorder.Values<TimerTestFunctions.TickSeen>(nameof(TimerTestFunctions.Tick)).Single();
            Assert.True(run.Timer.IsPastDue);
            Assert.Equal(Start.AddHours(2).UtcDateTime, run.Timer.ScheduleStatus?.Next);
        }

        await using var again = await StartAsync("0 0 2 * * *");
        var status = (await WaitForStatusAsync(Start.AddDays(1).AddHours(2), rewrittenSince: caughtUp)).Status;
        Assert.Equal(0, Runs(again));
        Assert.Equal(Start.AddHours(2), status.Last);
        Assert.Equal(Start.AddDays(1).AddHours(2), status.Next);
    }

    [Fact]
    public async Task Timer_RunOnStartup_RunsOnceAtStartNotPastDue()
    {
        await using var host = await TestFunctionHost.StartAsync(azurite, [typeof(StartupTimerFunctions)], Settings("unused"),
            services => services.AddSingleton<TimeProvider>(_clock));

        await Eventually.HoldsAsync(() => host.Recorder.Count(nameof(StartupTimerFunctions.Daily)) == 1, "the start-up run happens");
        await WaitForStatusAsync(Start.AddHours(2), nameof(StartupTimerFunctions.Daily));

        var info = host.Recorder.Values<TimerInfo>(nameof(StartupTimerFunctions.Daily)).Single();
        Assert.False(info.IsPastDue);
        Assert.Equal(1, host.Recorder.Count(nameof(StartupTimerFunctions.Daily)));
    }

    [Fact]
    public async Task Timer_WebsiteTimeZone_FiresAtTheScheduleInThatZone()
    {
        await using var host = await StartAsync("0 0 2 * * *", "Asia/Tokyo");

        // 00:00 UTC is 09:00 in Tokyo, so the next 02:00 there is 17:00 UTC.
        await WaitForStatusAsync(Start.AddHours(17));
        _clock.Advance(TimeSpan.FromHours(17));
        await Eventually.HoldsAsync(() => Runs(host) == 1, "the 02:00 Tokyo run happens");

        Assert.Equal(Start.AddHours(17), host.Recorder.Values<TimerTestFunctions.TickSeen>(nameof(TimerTestFunctions.Tick)).Single().At);
    }

    [Fact]
    public async Task Timer_UnknownWebsiteTimeZone_FailsAtStartNamingTheSetting()
    {
        var settings = Settings("0 0 2 * * *");
        settings["WEBSITE_TIME_ZONE"] = "Nowhere/Atlantis";
        await using var host = TestFunctionHost.CreateBuilder(azurite, [typeof(TimerTestFunctions)], settings,
            services => services.AddSingleton<TimeProvider>(_clock)).Build();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => host.StartAsync(Ct));

        Assert.Contains("WEBSITE_TIME_ZONE 'Nowhere/Atlantis' is not a known time zone", error.Message, StringComparison.Ordinal);
    }

    private static int Runs(TestFunctionHost host) => host.Recorder.Count(nameof(TimerTestFunctions.Tick));

    /// <summary>
    /// Waits until the schedule status names <paramref name="next"/> (and, with <paramref name="rewrittenSince"/>, was
    /// written again since that version): the lock holder has then chosen that occurrence and waits for it on the clock.
    /// </summary>
    private async Task<(TimerScheduleStatus Status, ETag ETag)> WaitForStatusAsync(
        DateTimeOffset next, string function = nameof(TimerTestFunctions.Tick), ETag? rewrittenSince = null)
    {
        var found = await Eventually.ValueAsync(
            () => TryReadStatusAsync(function),
            s => s is { } v && v.Status.Next == next && v.ETag != rewrittenSince,
            TimeSpan.FromSeconds(20),
            $"the {function} status names {next:o} as the next run");
        return found!.Value;
    }

    private async Task<(TimerScheduleStatus Status, ETag ETag)?> TryReadStatusAsync(string function)
    {
        var blob = new BlobServiceClient(azurite.ConnectionString).GetBlobContainerClient("azure-webjobs-hosts")
            .GetBlobClient($"timers/{_hostId}/{function}/status");
        try
        {
            var download = (await blob.DownloadContentAsync(cancellationToken: Ct)).Value;
            return (download.Content.ToObjectFromJson<TimerScheduleStatus>(Json)!, download.Details.ETag);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    private Task<TestFunctionHost> StartAsync(string schedule, string? timeZone = null)
    {
        var settings = Settings(schedule);
        settings["WEBSITE_TIME_ZONE"] = timeZone;
        return TestFunctionHost.StartAsync(azurite, [typeof(TimerTestFunctions)], settings, services => services.AddSingleton<TimeProvider>(_clock));
    }

    private Dictionary<string, string?> Settings(string schedule) => new()
    {
        ["Test:Schedule"] = schedule,
        ["AzureFunctionsWebHost:hostid"] = _hostId,
        ["singleton:listenerLockRecoveryPollingInterval"] = "00:00:00.200",
        // No invocation timeout: its timer would run on the test clock too.
        ["functionTimeout"] = string.Empty,
    };
}
