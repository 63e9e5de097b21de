namespace DataOps.Functions.Reports;

/// <summary>The four compliance reports and their cadence: the one list every part of the product reads.</summary>
public static class ReportCatalog
{
    /// <summary><c>datasets_by_stage_by_client</c>, weekly.</summary>
    public static ReportDefinition DatasetsByStageByClient { get; } = new(
        "datasets_by_stage_by_client",
        "Datasets per client and stage, by status, with their records and mean quality score",
        "weekly",
        "DataOps:Reports:DatasetsByStageByClient:Schedule");

    /// <summary><c>data_quality_trends</c>, daily.</summary>
    public static ReportDefinition DataQualityTrends { get; } = new(
        "data_quality_trends",
        "Validation runs per day, client, template and stage: mean and lowest score, share scoring 95 or more, failed checks by type",
        "daily",
        "DataOps:Reports:DataQualityTrends:Schedule");

    /// <summary><c>connector_health_summary</c>, daily.</summary>
    public static ReportDefinition ConnectorHealthSummary { get; } = new(
        "connector_health_summary",
        "Every connector with its status, its dataset and its last health check",
        "daily",
        "DataOps:Reports:ConnectorHealthSummary:Schedule");

    /// <summary><c>orphaned_datasets_check</c>, daily.</summary>
    public static ReportDefinition OrphanedDatasetsCheck { get; } = new(
        "orphaned_datasets_check",
        "Datasets no journey stage owns any more, and the orphan teardowns still running",
        "daily",
        "DataOps:Reports:OrphanedDatasetsCheck:Schedule");

    /// <summary>Every report, in the order the seeds list them.</summary>
    public static IReadOnlyList<ReportDefinition> All { get; } = [DatasetsByStageByClient, DataQualityTrends, ConnectorHealthSummary, OrphanedDatasetsCheck];

    /// <summary>The report named <paramref name="name"/> (exactly, lower case); null when there is none.</summary>
    public static ReportDefinition? Find(string? name) => All.FirstOrDefault(r => string.Equals(r.Name, name, StringComparison.Ordinal));
}
