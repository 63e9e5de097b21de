using DataOps.Functions.Workflows;
using Microsoft.Extensions.Options;

namespace DataOps.Functions.Reports;

/// <summary>
/// Produces a report now: reads what it needs once (the registry, the connectors, the journeys, the validation runs),
/// builds it, and writes its JSON and CSV under today's date (UTC), replacing any produced earlier the same day, so
/// a timer fired twice, or a report produced on demand after the scheduled one, is harmless.
/// </summary>
public sealed partial class ReportProducer(
    EstateReader estate,
    IQualityRunSource runs,
    ReportStore store,
    TimeProvider time,
    IOptions<ReportOptions> options,
    IOptions<WorkflowOptions> workflow,
    ILogger<ReportProducer> logger)
{
    /// <summary>Produces and stores <paramref name="definition"/>; returns where it went.</summary>
    public async Task<StoredReport> ProduceAsync(ReportDefinition definition, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var now = time.GetUtcNow();
        var content = await BuildAsync(definition, now, cancellationToken).ConfigureAwait(false);
        var stored = await store.WriteAsync(ReportDocument.From(definition, now, content), content, cancellationToken).ConfigureAwait(false);
        LogProduced(logger, definition.Name, stored.Date, stored.Rows);
        return stored;
    }

    /// <summary>The report's content as of <paramref name="now"/>.</summary>
    public async Task<ReportContent> BuildAsync(ReportDefinition definition, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var settings = options.Value;
        if (definition == ReportCatalog.DataQualityTrends)
        {
            var days = Math.Max(1, settings.TrendDays);
            var from = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero).AddDays(1 - days);
            return DataQualityTrendsReport.Build(await runs.RunsSinceAsync(from, cancellationToken).ConfigureAwait(false), from, now);
        }

        var datasets = await estate.DatasetsAsync(cancellationToken).ConfigureAwait(false);
        if (definition == ReportCatalog.DatasetsByStageByClient)
        {
            return DatasetsByStageByClientReport.Build(datasets);
        }

        if (definition == ReportCatalog.ConnectorHealthSummary)
        {
            return ConnectorHealthSummaryReport.Build(await estate.ConnectorsAsync(cancellationToken).ConfigureAwait(false), datasets, now, settings.HealthCheckStaleAfter);
        }

        if (definition == ReportCatalog.OrphanedDatasetsCheck)
        {
            return OrphanedDatasetsCheckReport.Build(datasets, await estate.JourneysAsync(cancellationToken).ConfigureAwait(false), now, workflow.Value.OrphanScan.MinimumAge);
        }

        throw new ArgumentException($"No report is named {definition.Name}.", nameof(definition));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Report {Report} for {Date} produced with {Rows} rows")]
    private static partial void LogProduced(ILogger logger, string report, string date, int rows);
}
