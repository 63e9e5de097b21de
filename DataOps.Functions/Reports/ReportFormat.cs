namespace DataOps.Functions.Reports;

/// <summary>The two forms every report is stored and downloaded in.</summary>
public enum ReportFormat
{
    /// <summary><c>{date}.json</c>: the whole <see cref="ReportDocument"/>.</summary>
    Json,

    /// <summary><c>{date}.csv</c>: its rows under a header of its columns.</summary>
    Csv,
}
