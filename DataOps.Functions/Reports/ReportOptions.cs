namespace DataOps.Functions.Reports;

/// <summary>Where the reports go and what they cover (configuration section <c>DataOps:Reports</c>).</summary>
public sealed class ReportOptions
{
    /// <summary>Configuration section.</summary>
    public const string SectionName = "DataOps:Reports";

    /// <summary>Blob container of the reports (created when missing). Default <c>reports</c>.</summary>
    public string ContainerName { get; set; } = "reports";

    /// <summary>How many days, up to and including the report's own, <c>data_quality_trends</c> covers. Default 7.</summary>
    public int TrendDays { get; set; } = 7;

    /// <summary>
    /// A READY dataset's connector whose last health check is older than this is reported stale by
    /// <c>connector_health_summary</c>. Default 1 hour (the sweep probes every 5 minutes).
    /// </summary>
    public TimeSpan HealthCheckStaleAfter { get; set; } = TimeSpan.FromHours(1);
}
