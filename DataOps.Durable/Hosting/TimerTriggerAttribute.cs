namespace DataOps.Durable.Hosting;

/// <summary>
/// Binds a <see cref="TimerInfo"/> parameter to a six-field cron schedule
/// (<c>second minute hour day month day-of-week</c>), evaluated in the time zone from configuration
/// <c>WEBSITE_TIME_ZONE</c> (default UTC). Only one host runs a given schedule at a time.
/// </summary>
/// <param name="schedule">The cron expression, or a <c>%Setting%</c> resolved from configuration.</param>
[AttributeUsage(AttributeTargets.Parameter, AllowMultiple = false, Inherited = false)]
public sealed class TimerTriggerAttribute(string schedule) : Attribute
{
    /// <summary>The cron expression, or a <c>%Setting%</c> resolved from configuration.</summary>
    public string Schedule { get; } = schedule;

    /// <summary>When true the function also runs once whenever a host acquires the schedule.</summary>
    public bool RunOnStartup { get; set; }

    /// <summary>When true (the default) last and next runs are persisted so a missed run is caught up at start-up.</summary>
    public bool UseMonitor { get; set; } = true;
}
