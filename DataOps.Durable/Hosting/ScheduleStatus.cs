namespace DataOps.Durable.Hosting;

/// <summary>The persisted state of a timer schedule.</summary>
public sealed record ScheduleStatus
{
    /// <summary>When the schedule last fired (the scheduled occurrence, not the wall-clock start).</summary>
    public DateTimeOffset Last { get; init; }

    /// <summary>The next scheduled occurrence.</summary>
    public DateTimeOffset Next { get; init; }

    /// <summary>When this status was last written.</summary>
    public DateTimeOffset LastUpdated { get; init; }
}
