using System.Globalization;
using Azure.Core;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using DurableTask.AzureStorage;
using Microsoft.Extensions.Logging.Abstractions;

namespace DataOps.LocalHost.TaskHub;

/// <summary>
/// Turns <see cref="TaskHubOptions"/> (host.json's <c>extensions:durableTask</c>) and the storage connection
/// setting into <see cref="AzureStorageOrchestrationServiceSettings"/>, the way Durable Functions maps them.
/// </summary>
internal static class TaskHubSettingsMapper
{
    private const string Prefix = TaskHubOptions.SectionName + ":";
    private const string StoragePrefix = Prefix + "storageProvider:";

    /// <summary>Checks every setting and reports all the invalid ones at once, each by its host.json path.</summary>
    /// <exception cref="InvalidOperationException">One or more settings are invalid.</exception>
    public static void Validate(TaskHubOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        var storage = options.StorageProvider ?? new TaskHubStorageOptions();

        if (!IsValidHubName(options.HubName))
        {
            errors.Add($"{Prefix}hubName '{options.HubName}' must contain only letters and digits, start with a letter, and be 3 to 50 characters long.");
        }

        Range(errors, StoragePrefix + "partitionCount", storage.PartitionCount, 1, 16);
        Range(errors, StoragePrefix + "controlQueueBatchSize", storage.ControlQueueBatchSize, 1, 32);
        Range(errors, StoragePrefix + "controlQueueBufferThreshold", storage.ControlQueueBufferThreshold, 1, 1000);
        Positive(errors, StoragePrefix + "maxQueuePollingInterval", storage.MaxQueuePollingInterval);
        Positive(errors, StoragePrefix + "workItemQueueVisibilityTimeout", storage.WorkItemQueueVisibilityTimeout);
        if (storage.ControlQueueVisibilityTimeout < TimeSpan.FromMinutes(1) || storage.ControlQueueVisibilityTimeout > TimeSpan.FromMinutes(60))
        {
            errors.Add($"{StoragePrefix}controlQueueVisibilityTimeout must be between 1 and 60 minutes (was {storage.ControlQueueVisibilityTimeout}).");
        }

        if (string.IsNullOrWhiteSpace(storage.ConnectionName))
        {
            errors.Add($"{StoragePrefix}connectionName must not be empty.");
        }

        if (options.MaxConcurrentActivityFunctions is <= 0)
        {
            errors.Add($"{Prefix}maxConcurrentActivityFunctions must be a positive integer (was {options.MaxConcurrentActivityFunctions}).");
        }

        if (options.MaxConcurrentOrchestratorFunctions is <= 0)
        {
            errors.Add($"{Prefix}maxConcurrentOrchestratorFunctions must be a positive integer (was {options.MaxConcurrentOrchestratorFunctions}).");
        }

        Range(errors, Prefix + "maxDequeueCount", options.MaxDequeueCount, 1, 100);
        Positive(errors, Prefix + "poisonMessageScanInterval", options.PoisonMessageScanInterval);
        // A timer is a queue message whose visibility delay storage caps at 7 days; keep a margin below it.
        if (options.MaxTimerInterval <= TimeSpan.Zero || options.MaxTimerInterval > TimeSpan.FromDays(6))
        {
            errors.Add($"{Prefix}maxTimerInterval must be positive and at most 6 days (was {options.MaxTimerInterval}).");
        }

        if (errors.Count > 0)
        {
            throw new InvalidOperationException("Invalid durable task settings: " + string.Join(" ", errors));
        }
    }

    /// <summary>Whether <paramref name="hubName"/> is a valid task hub name for the Azure Storage provider.</summary>
    public static bool IsValidHubName(string? hubName) =>
        hubName is { Length: >= 3 and <= 50 } && char.IsAsciiLetter(hubName[0]) && hubName.All(char.IsAsciiLetterOrDigit);

    /// <summary>Validates <paramref name="options"/> and maps them, with the storage connection read from <paramref name="configuration"/>.</summary>
    /// <param name="options">host.json's durable settings.</param>
    /// <param name="configuration">The app's configuration, which holds the connection setting.</param>
    /// <param name="credential">The credential of an identity-based connection; unused for a connection string.</param>
    /// <param name="loggerFactory">The provider's logger factory.</param>
    /// <exception cref="InvalidOperationException">A setting is invalid or the connection is not configured.</exception>
    public static AzureStorageOrchestrationServiceSettings ToSettings(
        TaskHubOptions options,
        IConfiguration configuration,
        TokenCredential? credential = null,
        ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        Validate(options);
        var storage = options.StorageProvider;
        var processors = Environment.ProcessorCount;
        var settings = new AzureStorageOrchestrationServiceSettings
        {
            StorageAccountClientProvider = CreateClientProvider(configuration, storage.ConnectionName, credential),
            TaskHubName = options.HubName,
            // Partition leases are owned by worker name; the provider's default, the machine name, would make every
            // host process on one machine the same owner (they would share leases instead of spreading them).
            WorkerId = WorkerName(),
            PartitionCount = storage.PartitionCount,
            ControlQueueBatchSize = storage.ControlQueueBatchSize,
            ControlQueueBufferThreshold = storage.ControlQueueBufferThreshold,
            ControlQueueVisibilityTimeout = storage.ControlQueueVisibilityTimeout,
            WorkItemQueueVisibilityTimeout = storage.WorkItemQueueVisibilityTimeout,
            MaxQueuePollingInterval = storage.MaxQueuePollingInterval,
            MaxConcurrentTaskActivityWorkItems = options.MaxConcurrentActivityFunctions ?? 10 * processors,
            MaxConcurrentTaskOrchestrationWorkItems = options.MaxConcurrentOrchestratorFunctions ?? 10 * processors,
            ExtendedSessionsEnabled = options.ExtendedSessionsEnabled,
            ExtendedSessionIdleTimeout = TimeSpan.FromSeconds(Math.Max(options.ExtendedSessionIdleTimeoutInSeconds, 0)),
            FetchLargeMessageDataEnabled = storage.FetchLargeMessagesAutomatically,
            UseAppLease = options.UseAppLease,
            UseTablePartitionManagement = storage.UseTablePartitionManagement,
            UseLegacyPartitionManagement = storage.UseLegacyPartitionManagement,
            AllowReplayingTerminalInstances = storage.AllowReplayingTerminalInstances,
            // As Durable Functions: starting an instance over a running one is refused, not silently ignored.
            ThrowExceptionOnInvalidDedupeStatus = true,
            LoggerFactory = loggerFactory ?? NullLoggerFactory.Instance,
        };
        if (!string.IsNullOrEmpty(storage.TrackingStoreNamePrefix))
        {
            settings.TrackingStoreNamePrefix = storage.TrackingStoreNamePrefix;
        }

        return settings;
    }

    /// <summary>The name this worker owns partition leases under: machine, process id and a per-worker suffix.</summary>
    /// <returns>A name unique to this worker instance.</returns>
    public static string WorkerName() =>
        string.Create(CultureInfo.InvariantCulture, $"{Environment.MachineName}.{Environment.ProcessId}.{Guid.NewGuid().ToString("N")[..6]}");

    /// <summary>
    /// The provider's storage clients from the connection setting <paramref name="connectionName"/>: a connection
    /// string (the setting itself or <c>ConnectionStrings:{name}</c>), or an identity-based section whose
    /// <c>blobServiceUri</c>, <c>queueServiceUri</c> and <c>tableServiceUri</c> (or <c>accountName</c>) give the endpoints.
    /// </summary>
    /// <exception cref="InvalidOperationException">The setting is missing or incomplete, or an identity-based connection has no credential.</exception>
    public static StorageAccountClientProvider CreateClientProvider(IConfiguration configuration, string connectionName, TokenCredential? credential)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(connectionName);
        if (section.Value is { Length: > 0 } connectionString)
        {
            return new StorageAccountClientProvider(connectionString);
        }

        if (!section.GetChildren().Any())
        {
            return configuration.GetSection("ConnectionStrings")[connectionName] is { Length: > 0 } fromConnectionStrings
                ? new StorageAccountClientProvider(fromConnectionStrings)
                : throw new InvalidOperationException($"Storage connection setting '{connectionName}' is not configured.");
        }

        var credentialToUse = credential ?? throw new InvalidOperationException(
            $"Storage connection '{connectionName}' is identity-based: register an Azure.Core.TokenCredential in the services.");
        return new StorageAccountClientProvider(
            ServiceUri(section, "blob"), ServiceUri(section, "queue"), ServiceUri(section, "table"), credentialToUse);
    }

    /// <summary>
    /// Puts <see cref="StorageCallCountingPolicy"/> in the pipeline of every blob, queue and table client the provider
    /// of <paramref name="settings"/> builds, so each request the worker sends counts in <c>durable.storage.calls</c>.
    /// </summary>
    internal static void AddStorageCallCounting(AzureStorageOrchestrationServiceSettings settings, WorkflowTelemetry telemetry)
    {
        var provider = settings.StorageAccountClientProvider
            ?? throw new ArgumentException("The settings have no storage account client provider.", nameof(settings));
        settings.StorageAccountClientProvider = new StorageAccountClientProvider(
            new PolicyClientProvider<BlobServiceClient, BlobClientOptions>(provider.Blob, new StorageCallCountingPolicy(telemetry, "blob")),
            new PolicyClientProvider<QueueServiceClient, QueueClientOptions>(provider.Queue, new StorageCallCountingPolicy(telemetry, "queue")),
            new PolicyClientProvider<TableServiceClient, TableClientOptions>(provider.Table, new StorageCallCountingPolicy(telemetry, "table")));
    }

    private static Uri ServiceUri(IConfigurationSection connection, string service)
    {
        var value = connection[service + "ServiceUri"]
            ?? (connection["accountName"] is { Length: > 0 } account
                ? string.Create(CultureInfo.InvariantCulture, $"https://{account}.{service}.core.windows.net")
                : null);
        return Uri.TryCreate(value, UriKind.Absolute, out var uri)
            ? uri
            : throw new InvalidOperationException(
                $"Storage connection '{connection.Path}' has neither a connection string nor a valid {service}ServiceUri or accountName setting.");
    }

    private static void Range(List<string> errors, string name, int value, int min, int max)
    {
        if (value < min || value > max)
        {
            errors.Add($"{name} must be between {min} and {max} (was {value}).");
        }
    }

    private static void Positive(List<string> errors, string name, TimeSpan value)
    {
        if (value <= TimeSpan.Zero)
        {
            errors.Add($"{name} must be positive (was {value}).");
        }
    }
}
