namespace DataOps.Functions.Reports;

/// <summary>One report as <c>GET /api/reports</c> lists it.</summary>
/// <param name="Name">Its name.</param>
/// <param name="Title">What it answers.</param>
/// <param name="Cadence"><c>daily</c> or <c>weekly</c>.</param>
/// <param name="Schedule">Its six-field cron schedule as configured.</param>
/// <param name="Dates">The days it was produced for, newest first.</param>
public sealed record ReportListItem(string Name, string Title, string Cadence, string? Schedule, IReadOnlyList<string> Dates);
