using DataOps.Durable;
using DataOps.Tests.Durable.TestSupport;
using DataOps.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace DataOps.Tests.Durable.Runtime;

/// <summary>
/// Timers judged by the injected <see cref="TimeProvider"/>: long timers fire when the clock is advanced. The runtime only
/// reads the time from it (its polling waits are real time), so a <see cref="FakeTimeProvider"/> moves the durable
/// timers without stalling the worker.
/// </summary>
public sealed class ControlledClockTimerTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(60);
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero));
    private DurableTestHost _host = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() =>
        _host = await DurableTestHost.StartAsync(
            azurite.ConnectionString,
            AzuriteFixture.UniqueName("clk"),
            b => b.AddOrchestrator<TestTasks.Sleeper>(),
            services => services.AddSingleton<TimeProvider>(_clock));

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    [Theory]
    [InlineData(24)]
    [InlineData(24 * 9)]
    public async Task CreateTimer_ClockAdvancedPastFireTime_Fires(int hours)
    {
        var start = _clock.GetUtcNow();
        var id = await _host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(TestTasks.Sleeper), TimeSpan.FromHours(hours), cancellation: Ct);
        await Eventually.ValueAsync(() => _host.Client.GetInstanceAsync(id, false, Ct), m => m?.RuntimeStatus == OrchestrationRuntimeStatus.Running, s_timeout, "Running");

        _clock.Advance(TimeSpan.FromHours(hours) - TimeSpan.FromMinutes(1));
        var early = await _host.Client.GetInstanceAsync(id, false, Ct);
        _clock.Advance(TimeSpan.FromMinutes(2));

        Assert.Equal(OrchestrationRuntimeStatus.Running, early!.RuntimeStatus);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(s_timeout);
        var done = await _host.Client.WaitForInstanceCompletionAsync(id, true, timeout.Token);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.True(done.ReadOutputAs<DateTime>() >= start.UtcDateTime.AddHours(hours));
    }
}
