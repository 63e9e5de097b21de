using DataOps.Durable;
using DataOps.Functions.Activities;
using DataOps.Functions.Archive;
using DataOps.Functions.Glean;
using DataOps.Functions.MockData.Catalog;
using DataOps.Functions.MockData.Generation;
using DataOps.Functions.Orchestrations;
using DataOps.Functions.Registry;
using DataOps.Functions.Workflows;
using DataOps.Storage.Blobs;
using DataOps.Storage.Queues;
using DataOps.Storage.Tables;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DataOps.Functions;

/// <summary>Registers the DataOps app: storage clients, registry, archive, mock data, Glean adapter, workflows.</summary>
public static class DataOpsServiceCollectionExtensions
{
    /// <summary>The storage connection setting, as in Azure Functions.</summary>
    public const string StorageConnectionSetting = "AzureWebJobsStorage";

    /// <summary>Adds everything the DataOps workflows need and registers their orchestrators and activities.</summary>
    public static IServiceCollection AddDataOps(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var connection = configuration[StorageConnectionSetting] is { Length: > 0 } c ? c : "UseDevelopmentStorage=true";
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(_ => new TableServiceClient(connection));
        services.TryAddSingleton(_ => new QueueServiceClient(connection));
        services.TryAddSingleton(_ => new BlobServiceClient(connection));

        services.AddOptions<RegistryOptions>().BindConfiguration(RegistryOptions.SectionName);
        services.AddOptions<ArchiveOptions>().BindConfiguration(ArchiveOptions.SectionName);
        services.AddOptions<WorkflowOptions>().BindConfiguration(WorkflowOptions.SectionName);
        services.TryAddSingleton<RegistryTables>();
        services.TryAddSingleton<AuditLog>();
        services.TryAddSingleton<IDomainEventPublisher>(sp => sp.GetRequiredService<AuditLog>());
        services.TryAddSingleton<IDatasetRegistry, DatasetRegistry>();
        services.TryAddSingleton<ConnectorStore>();
        services.TryAddSingleton<QualityHistoryStore>();
        services.TryAddSingleton<JourneyProjectionStore>();
        services.TryAddSingleton<DatasetArchiveStore>();
        services.TryAddSingleton<TemplateLibrary>();
        services.TryAddSingleton<TemplateSource>();
        services.TryAddSingleton<MockDataGenerator>();
        services.TryAddSingleton<DatasetRecordSource>();
        services.TryAddSingleton<DatasetLoader>();
        services.TryAddSingleton<ConnectorProbes>();
        services.TryAddSingleton<RegistryScans>();
        services.AddGleanAdapter(configuration);

        services.AddDurableTask()
            .AddOrchestrator<ProvisionJourneyDatasets>()
            .AddOrchestrator<ProvisionDataset>()
            .AddOrchestrator<ValidateDataset>()
            .AddOrchestrator<TeardownDataset>()
            .AddOrchestrator<StageTransition>()
            .AddOrchestrator<OrphanScan>()
            .AddOrchestrator<ConnectorHealthSweep>()
            .AddActivity<SelectTemplate>()
            .AddActivity<RegisterDataset>()
            .AddActivity<CreateConnector>()
            .AddActivity<PopulateConnector>()
            .AddActivity<BeginValidation>()
            .AddActivity<RunSchemaCheck>()
            .AddActivity<RunCompletenessCheck>()
            .AddActivity<RunConnectorHealthCheck>()
            .AddActivity<RunSampleQueryCheck>()
            .AddActivity<RecordValidation>()
            .AddActivity<FailProvisioning>()
            .AddActivity<BeginTeardown>()
            .AddActivity<PauseConnector>()
            .AddActivity<ArchiveDataset>()
            .AddActivity<DisconnectConnector>()
            .AddActivity<DeleteConnector>()
            .AddActivity<CompleteTeardown>()
            .AddActivity<UpdateJourneyProjection>()
            .AddActivity<ListJourneyDatasets>()
            .AddActivity<FindOrphans>()
            .AddActivity<ListReadyDatasets>()
            .AddActivity<ProbeConnector>()
            .AddActivity<RevertToValidating>();
        return services;
    }
}
