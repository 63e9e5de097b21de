using System.Collections.Concurrent;
using Microsoft.Extensions.Time.Testing;

namespace DataOps.Tests.Hosting;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that also records the due time of every timer created on it, in order. A waiting
/// listener is otherwise invisible: this tells a test that the code now waits on the clock, and for how long, so the
/// test can advance the clock exactly that far.
/// </summary>
public sealed class TimerRecordingTimeProvider(DateTimeOffset start) : FakeTimeProvider(start)
{
    private readonly ConcurrentQueue<TimeSpan> _dueTimes = new();

    /// <summary>The due time of each timer created so far, oldest first.</summary>
    public IReadOnlyList<TimeSpan> DueTimes => [.. _dueTimes];

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        _dueTimes.Enqueue(dueTime);
        return timer;
    }
}
