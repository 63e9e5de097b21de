using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DataOps.Functions.Reports;

/// <summary>Registers the compliance reports and the success metrics.</summary>
internal static class ReportsServiceCollectionExtensions
{
    /// <summary>Adds the report store, producer, estate reads, the validation-run source and the metrics query.</summary>
    public static IServiceCollection AddReports(this IServiceCollection services)
    {
        services.AddOptions<ReportOptions>().BindConfiguration(ReportOptions.SectionName);
        services.TryAddSingleton<EstateReader>();
        services.TryAddSingleton<IQualityRunSource, QualityHistoryRunSource>();
        services.TryAddSingleton<ReportStore>();
        services.TryAddSingleton<ReportProducer>();
        services.TryAddSingleton<SuccessMetricsQuery>();
        return services;
    }
}
