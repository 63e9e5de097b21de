using Azure.Storage.Blobs;
using DataOps.Durable.Hosting;
using DataOps.Tests.Hosting.Functions;
using DataOps.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace DataOps.Tests.Hosting;

public sealed class TimerTriggerTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly ManualTimeProvider _clock = new(Start);
    private readonly string _hostId = AzuriteFixture.UniqueName("timers");

    [Fact]
    public async Task Timer_ClockReachesOccurrences_FiresAtEachAndPersistsStatus()
    {
        await using var host = await StartAsync("0 */5 * * * *");
        await WaitForScheduleAsync();
        Assert.Equal(0, host.Recorder.Count(nameof(TimerTestFunctions.Tick)));

        _clock.Advance(TimeSpan.FromMinutes(5));
        await Eventually.HoldsAsync(() => host.Recorder.Count(nameof(TimerTestFunctions.Tick)) == 1, "the 00:05 run happens");
        await WaitForScheduleAsync();
        _clock.Advance(TimeSpan.FromMinutes(4));
        _clock.Advance(TimeSpan.FromMinutes(1));
        await Eventually.HoldsAsync(() => host.Recorder.Count(nameof(TimerTestFunctions.Tick)) == 2, "the 00:10 run happens");
        await WaitForScheduleAsync();

        var runs = host.Recorder.Values<TimerTestFunctions.TickSeen>(nameof(TimerTestFunctions.Tick));
        Assert.Equal([Start.AddMinutes(5), Start.AddMinutes(10)], runs.Select(r => r.At));
        Assert.All(runs, r => Assert.False(r.Timer.IsPastDue));
        Assert.Equal(Start.AddMinutes(10), runs[1].Timer.ScheduleStatus?.Next);
        var status = await ReadStatusAsync();
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
            await WaitForScheduleAsync();
            _clock.Advance(TimeSpan.FromMinutes(5));
            await Eventually.HoldsAsync(() => Runs(first) + Runs(second) == 1, "one host runs 00:05");
            await WaitForScheduleAsync();
            Assert.Equal(1, _clock.PendingTimers);

            var (leader, follower) = Runs(first) == 1 ? (first, second) : (second, first);
            await leader.DisposeAsync();
            await WaitForScheduleAsync();
            _clock.Advance(TimeSpan.FromMinutes(5));
            await Eventually.HoldsAsync(() => Runs(follower) == 1, "the other host runs 00:10 after taking the lock");
            Assert.Equal(Start.AddMinutes(10), follower.Recorder.Values<TimerTestFunctions.TickSeen>(nameof(TimerTestFunctions.Tick)).Single().At);
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
            await WaitForScheduleAsync();
        }

        _clock.Advance(TimeSpan.FromHours(3));
        await using (var after = await StartAsync("0 0 2 * * *"))
        {
            await Eventually.HoldsAsync(() => Runs(after) == 1, "the missed 02:00 run is caught up");
            await WaitForScheduleAsync();
            var run = after.Recorder.Values<TimerTestFunctions.TickSeen>(nameof(TimerTestFunctions.Tick)).Single();
            Assert.True(run.Timer.IsPastDue);
            Assert.Equal(Start.AddHours(2), run.Timer.ScheduleStatus?.Next);
        }

        await using var again = await StartAsync("0 0 2 * * *");
        await WaitForScheduleAsync();
        Assert.Equal(0, Runs(again));
        var status = await ReadStatusAsync();
        Assert.Equal(Start.AddHours(2), status.Last);
        Assert.Equal(Start.AddDays(1).AddHours(2), status.Next);
    }

    [Fact]
    public async Task Timer_RunOnStartup_RunsOnceAtStartNotPastDue()
    {
        await using var host = await TestFunctionHost.StartAsync(azurite, [typeof(StartupTimerFunctions)], Settings("unused"),
            services => services.AddSingleton<TimeProvider>(_clock));

        await Eventually.HoldsAsync(() => host.Recorder.Count(nameof(StartupTimerFunctions.Daily)) == 1, "the start-up run happens");
        await WaitForScheduleAsync();

        var info = host.Recorder.Values<TimerInfo>(nameof(StartupTimerFunctions.Daily)).Single();
        Assert.False(info.IsPastDue);
        Assert.Equal(1, host.Recorder.Count(nameof(StartupTimerFunctions.Daily)));
    }

    private static int Runs(TestFunctionHost host) => host.Recorder.Count(nameof(TimerTestFunctions.Tick));

    /// <summary>The lock holder has computed its next occurrence and is waiting on the clock.</summary>
    private Task WaitForScheduleAsync() => Eventually.HoldsAsync(() => _clock.PendingTimers == 1, "a timer waits for its next occurrence");

    private async Task<ScheduleStatus> ReadStatusAsync()
    {
        var blob = new BlobServiceClient(azurite.ConnectionString).GetBlobContainerClient("azure-webjobs-hosts")
            .GetBlobClient($"timers/{_hostId}/{nameof(TimerTestFunctions.Tick)}/status");
        var content = (await blob.DownloadContentAsync(cancellationToken: TestContext.Current.CancellationToken)).Value.Content;
        return content.ToObjectFromJson<ScheduleStatus>(new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web))!;
    }

    private Task<TestFunctionHost> StartAsync(string schedule) =>
        TestFunctionHost.StartAsync(azurite, [typeof(TimerTestFunctions)], Settings(schedule), services => services.AddSingleton<TimeProvider>(_clock));

    private Dictionary<string, string?> Settings(string schedule) => new()
    {
        ["Test:Schedule"] = schedule,
        ["AzureFunctionsWebHost:hostid"] = _hostId,
        ["singleton:listenerLockRecoveryPollingInterval"] = "00:00:00.200",
        // No invocation timeout: its timer would run on the test clock too.
        ["functionTimeout"] = string.Empty,
    };
}
