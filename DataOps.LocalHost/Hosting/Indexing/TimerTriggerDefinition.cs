using DataOps.LocalHost.Hosting.Timers;

namespace DataOps.LocalHost.Hosting.Indexing;

/// <summary>A timer trigger: the parsed schedule and its flags.</summary>
internal sealed record TimerTriggerDefinition(TimerSchedule Schedule, bool RunOnStartup, bool UseMonitor) : FunctionTrigger;
