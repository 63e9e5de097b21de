namespace DataOps.Tests.Infrastructure;

/// <summary>
/// A clock that moves only when the test advances it, while timers created on it run in real time. A whole function
/// host needs this: its queue polling, message lease renewal and lock retries wait on the injected
/// <see cref="TimeProvider"/>, and with a FakeTimeProvider they would stall until the test moved the clock.
/// </summary>
public sealed class ManualTimeProvider(DateTimeOffset start) : TimeProvider
{
    private long _ticks = start.UtcTicks;

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _ticks), TimeSpan.Zero);

    public void Advance(TimeSpan by) => Interlocked.Add(ref _ticks, by.Ticks);
}
