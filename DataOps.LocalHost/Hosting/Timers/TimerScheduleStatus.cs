using Microsoft.Azure.Functions.Worker;

namespace DataOps.LocalHost.Hosting.Timers;

/// <summary>The persisted state of a timer schedule (the status blob); functions see it as the worker's <see cref="ScheduleStatus"/>.</summary>
internal sealed record TimerScheduleStatus
{
    /// <summary>When the schedule last fired (the scheduled occurrence, not the wall-clock start).</summary>
    public DateTimeOffset Last { get; init; }

    /// <summary>The next scheduled occurrence.</summary>
    public DateTimeOffset Next { get; init; }

    /// <summary>When this status was last written.</summary>
    public DateTimeOffset LastUpdated { get; init; }

    /// <summary>The status as a timer function receives it (UTC times).</summary>
    public ScheduleStatus ToScheduleStatus() => new()
    {
        Last = Last.UtcDateTime,
        Next = Next.UtcDateTime,
        LastUpdated = LastUpdated.UtcDateTime,
    };
}
