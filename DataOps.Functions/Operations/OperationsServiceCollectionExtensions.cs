using DataOps.Functions.Operations.Quality;
using DataOps.Functions.Operations.Queries;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DataOps.Functions.Operations;

/// <summary>Registers the operations read side.</summary>
internal static class OperationsServiceCollectionExtensions
{
    /// <summary>Adds the query classes behind the dataset, insight, teardown, scan and summary reads.</summary>
    public static IServiceCollection AddOperationsQueries(this IServiceCollection services)
    {
        services.TryAddSingleton<DatasetQueries>();
        services.TryAddSingleton<DatasetInsightQueries>();
        services.TryAddSingleton<TeardownQueries>();
        services.TryAddSingleton<ScanQueries>();
        services.TryAddSingleton<OperationsSummaryQuery>();
        services.TryAddSingleton<QualityQueries>();
        return services;
    }
}
