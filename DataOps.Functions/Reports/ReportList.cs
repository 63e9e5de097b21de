namespace DataOps.Functions.Reports;

/// <summary><c>GET /api/reports</c>: every compliance report and the days it is stored for.</summary>
/// <param name="Container">The blob container the reports are written to.</param>
/// <param name="Reports">The four reports, in the seeds' order.</param>
public sealed record ReportList(string Container, IReadOnlyList<ReportListItem> Reports);
