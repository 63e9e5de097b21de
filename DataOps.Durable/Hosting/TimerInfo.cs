namespace DataOps.Durable.Hosting;

/// <summary>What a timer-triggered function receives.</summary>
public sealed record TimerInfo
{
    /// <summary>True when this invocation is later than its scheduled occurrence (for example a run missed while every host was down).</summary>
    public bool IsPastDue { get; init; }

    /// <summary>The schedule status before this run (null when the schedule has no history yet).</summary>
    public ScheduleStatus? ScheduleStatus { get; init; }
}
