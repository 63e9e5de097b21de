using DataOps.Durable.Hosting.Timers;

namespace DataOps.Durable.Hosting.Indexing;

/// <summary>A timer trigger: the parsed schedule and its flags.</summary>
internal sealed record TimerTriggerDefinition(TimerSchedule Schedule, bool RunOnStartup, bool UseMonitor) : FunctionTrigger;
