namespace DataOps.Functions.Reports;

/// <summary>One of the seeds' compliance reports (ARCH-004 AuditLogging).</summary>
/// <param name="Name">Its name, as the seeds write it and as its blobs are named.</param>
/// <param name="Title">What it answers, in a line.</param>
/// <param name="Cadence"><c>daily</c> or <c>weekly</c>.</param>
/// <param name="ScheduleSetting">The setting holding its six-field cron schedule.</param>
public sealed record ReportDefinition(string Name, string Title, string Cadence, string ScheduleSetting);
