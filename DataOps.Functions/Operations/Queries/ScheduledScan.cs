namespace DataOps.Functions.Operations.Queries;

/// <summary>One scheduled scan.</summary>
/// <param name="Schedule">Its CRON schedule, as configured.</param>
/// <param name="LastRun">Its most recent run; null when it never ran.</param>
public sealed record ScheduledScan(string? Schedule, ScanRun? LastRun);
