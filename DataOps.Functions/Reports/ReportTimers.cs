using Microsoft.Azure.Functions.Worker;

namespace DataOps.Functions.Reports;

/// <summary>
/// The compliance reports on the seeds' cadence (ARCH-004), each on its own schedule setting: datasets by stage and
/// client weekly (Mondays 04:30), quality trends, connector health and the orphan check daily (after the 02:00 orphan
/// scan and the 03:30 retention purge). The timer's singleton lease runs each on one host; producing the same report
/// twice on a day overwrites it.
/// </summary>
public sealed partial class ReportTimers(ReportProducer producer, ILogger<ReportTimers> logger)
{
    /// <summary>Weekly, Mondays at 04:30 (<c>DataOps:Reports:DatasetsByStageByClient:Schedule</c>).</summary>
    [Function(nameof(DatasetsByStageByClientReportTimer))]
    public Task DatasetsByStageByClientReportTimer(
        [TimerTrigger("%DataOps:Reports:DatasetsByStageByClient:Schedule%")] TimerInfo timer,
        CancellationToken cancellationToken)
        => ProduceAsync(ReportCatalog.DatasetsByStageByClient, timer, cancellationToken);

    /// <summary>Daily at 04:00 (<c>DataOps:Reports:DataQualityTrends:Schedule</c>).</summary>
    [Function(nameof(DataQualityTrendsReportTimer))]
    public Task DataQualityTrendsReportTimer(
        [TimerTrigger("%DataOps:Reports:DataQualityTrends:Schedule%")] TimerInfo timer,
        CancellationToken cancellationToken)
        => ProduceAsync(ReportCatalog.DataQualityTrends, timer, cancellationToken);

    /// <summary>Daily at 04:10 (<c>DataOps:Reports:ConnectorHealthSummary:Schedule</c>).</summary>
    [Function(nameof(ConnectorHealthSummaryReportTimer))]
    public Task ConnectorHealthSummaryReportTimer(
        [TimerTrigger("%DataOps:Reports:ConnectorHealthSummary:Schedule%")] TimerInfo timer,
        CancellationToken cancellationToken)
        => ProduceAsync(ReportCatalog.ConnectorHealthSummary, timer, cancellationToken);

    /// <summary>Daily at 04:20 (<c>DataOps:Reports:OrphanedDatasetsCheck:Schedule</c>).</summary>
    [Function(nameof(OrphanedDatasetsCheckReportTimer))]
    public Task OrphanedDatasetsCheckReportTimer(
        [TimerTrigger("%DataOps:Reports:OrphanedDatasetsCheck:Schedule%")] TimerInfo timer,
        CancellationToken cancellationToken)
        => ProduceAsync(ReportCatalog.OrphanedDatasetsCheck, timer, cancellationToken);

    private async Task ProduceAsync(ReportDefinition report, TimerInfo? timer, CancellationToken cancellationToken)
    {
        LogStarting(logger, report.Name, timer?.IsPastDue ?? false);
        await producer.ProduceAsync(report, cancellationToken).ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Producing report {Report} on schedule (past due: {PastDue})")]
    private static partial void LogStarting(ILogger logger, string report, bool pastDue);
}
