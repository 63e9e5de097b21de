using DataOps.Functions.Access;
using DataOps.Functions.Archive;
using DataOps.Functions.Catalog;
using DataOps.MockData.Catalog;
using DataOps.Functions.Operations;
using DataOps.Functions.Provisioning;
using DataOps.Functions.Registry;
using DataOps.Functions.Reports;
using DataOps.Functions.Staging;
using DataOps.Functions.Storage;
using DataOps.Functions.Teardown;
using DataOps.Functions.Validation;
using DataOps.Functions.Watch;
using DataOps.Functions.Workflows;
using DataOps.Glean;
using DataOps.Glean.Metrics;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DataOps.Functions;

/// <summary>
/// Registers the DataOps app: storage clients, registry, archive, mock data, Glean adapter, workflows, the command
/// handlers the HTTP functions call and the operations queries.
/// </summary>
public static class DataOpsServiceCollectionExtensions
{
    /// <summary>The storage connection setting, as in Azure Functions.</summary>
    public const string StorageConnectionSetting = StorageConnection.DefaultName;

    /// <summary>
    /// Defaults of the app's settings, lowest in precedence: host.json, local.settings.json and the environment
    /// override them. Timer schedules are read with the <c>%Setting%</c> syntax, so they must always exist.
    /// </summary>
    public static IReadOnlyDictionary<string, string?> DefaultSettings { get; } = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
    {
        [StorageConnectionSetting] = "UseDevelopmentStorage=true",
        // The local Glean emulator and its well-known development tokens (like Azurite's well-known key):
        // a real deployment sets its own through local.settings.json or the environment.
        ["Glean:BaseUrl"] = "http://127.0.0.1:7081",
        ["Glean:IndexingToken"] = "local-indexing-token",
        ["Glean:ClientToken"] = "local-client-token",
        // The user the emulator's development client token searches as; refused at start-up against any other Glean.
        ["Glean:ValidationUser"] = "dataops-validation@example.com",
        ["DataOps:Teardown:GracePeriod"] = "1.00:00:00",
        ["DataOps:OrphanScan:Schedule"] = "0 0 2 * * *",
        ["DataOps:OrphanScan:MinimumAge"] = "1.00:00:00",
        ["DataOps:HealthSweep:Schedule"] = "0 */5 * * * *",
        ["DataOps:ConnectorSync:Schedule"] = "0 */5 * * * *",
        ["DataOps:Retention:Schedule"] = "0 30 3 * * *",
        ["DataOps:JourneyEventsQueue"] = "journey-events",
        ["DataOps:Reports:DatasetsByStageByClient:Schedule"] = "0 30 4 * * 1",
        ["DataOps:Reports:DataQualityTrends:Schedule"] = "0 0 4 * * *",
        ["DataOps:Reports:ConnectorHealthSummary:Schedule"] = "0 10 4 * * *",
        ["DataOps:Reports:OrphanedDatasetsCheck:Schedule"] = "0 20 4 * * *",
    };

    /// <summary>
    /// Adds everything the DataOps functions, orchestrators and activities need. Both hosts call it: the Functions
    /// worker (Program.cs) and the local host.
    /// </summary>
    public static IServiceCollection AddDataOps(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpClient();
        services.AddDataOpsStorage(configuration);
        services.AddDataOpsAccess();

        services.AddOptions<RegistryOptions>().BindConfiguration(RegistryOptions.SectionName);
        services.AddOptions<ArchiveOptions>().BindConfiguration(ArchiveOptions.SectionName);
        services.AddOptions<StagingOptions>().BindConfiguration(StagingOptions.SectionName);
        services.AddOptions<WorkflowOptions>().BindConfiguration(WorkflowOptions.SectionName)
            .Validate(o => o.Provisioning.MaxDatasetsPerClient >= 1, "DataOps:Provisioning:MaxDatasetsPerClient must be at least 1")
            .Validate(o => o.Provisioning.MaxParallelPerStage is >= 1 and <= 100, "DataOps:Provisioning:MaxParallelPerStage must be between 1 and 100")
            .ValidateOnStart();
        services.TryAddSingleton<RegistryTables>();
        services.AddHostedService<RegistryInitializer>();
        services.TryAddSingleton<AuditLog>();
        services.TryAddSingleton<IDomainEventPublisher>(sp => sp.GetRequiredService<AuditLog>());
        services.TryAddSingleton<IDatasetRegistry, DatasetRegistry>();
        services.TryAddSingleton<ConnectorStore>();
        services.TryAddSingleton<ConnectorMetricsStore>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IConnectorCallObserver, ConnectorMetricsStore>(sp => sp.GetRequiredService<ConnectorMetricsStore>()));
        services.TryAddSingleton<QualityHistoryStore>();
        services.TryAddSingleton<QualityRunContext>();
        services.TryAddSingleton<JourneyProjectionStore>();
        services.TryAddSingleton<OverviewProjection>();
        services.TryAddSingleton<DatasetArchiveStore>();
        services.TryAddSingleton<StagedCopyStore>();
        services.AddTemplateCatalog();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ITemplateCatalogObserver, TemplateChangePublisher>());
        services.TryAddSingleton<TemplateSource>();
        services.TryAddSingleton<DatasetRecordSource>();
        services.TryAddSingleton<DatasetStaging>();
        services.TryAddSingleton<DatasetLoader>();
        services.TryAddSingleton<IHttpManagementLinks, DurableExtensionManagementLinks>();
        services.TryAddSingleton<ConnectorProbes>();
        services.TryAddSingleton<RegistryScans>();
        services.TryAddSingleton<ProvisioningSlots>();
        services.TryAddSingleton<ProvisionDatasetsHandler>();
        services.TryAddSingleton<RevalidateDatasetHandler>();
        services.TryAddSingleton<TeardownDatasetHandler>();
        services.TryAddSingleton<TerminateTeardownHandler>();
        services.TryAddSingleton<TeardownControlHandler>();
        services.TryAddSingleton<RetryDatasetHandler>();
        services.AddOperationsQueries();
        services.AddReports();
        services.AddGleanAdapter(configuration);
        return services;
    }
}
