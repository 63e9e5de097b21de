using System.Globalization;
using DurableTask.AzureStorage;

namespace DataOps.Benchmarks.Engines;

/// <summary>
/// Settings of the Durable Task Framework's Azure Storage provider, each one as Durable Functions reads it from
/// host.json (<c>extensions.durableTask...</c>) so the product can map them the same way; null leaves the
/// provider's own default.
/// </summary>
internal sealed record DtfxConfiguration(string Name)
{
    /// <summary><c>storageProvider.partitionCount</c>: control queues (1-16), fixed for the life of a task hub.</summary>
    public int? PartitionCount { get; init; }

    /// <summary><c>storageProvider.controlQueueBatchSize</c>: control messages received per poll.</summary>
    public int? ControlQueueBatchSize { get; init; }

    /// <summary><c>storageProvider.controlQueueBufferThreshold</c>: control messages held in memory before polling pauses.</summary>
    public int? ControlQueueBufferThreshold { get; init; }

    /// <summary><c>storageProvider.maxQueuePollingInterval</c>: longest wait between polls of an empty queue.</summary>
    public TimeSpan? MaxQueuePollingInterval { get; init; }

    /// <summary><c>storageProvider.workItemQueueVisibilityTimeout</c>.</summary>
    public TimeSpan? WorkItemQueueVisibilityTimeout { get; init; }

    /// <summary><c>storageProvider.useTablePartitionManagement</c>.</summary>
    public bool? UseTablePartitionManagement { get; init; }

    /// <summary><c>storageProvider.useLegacyPartitionManagement</c>.</summary>
    public bool? UseLegacyPartitionManagement { get; init; }

    /// <summary><c>storageProvider.fetchLargeMessagesAutomatically</c>.</summary>
    public bool? FetchLargeMessagesAutomatically { get; init; }

    /// <summary><c>maxConcurrentActivityFunctions</c>.</summary>
    public int? MaxConcurrentActivityFunctions { get; init; }

    /// <summary><c>maxConcurrentOrchestratorFunctions</c>.</summary>
    public int? MaxConcurrentOrchestratorFunctions { get; init; }

    /// <summary><c>extendedSessionsEnabled</c>: keep an orchestration's state and code in memory between episodes.</summary>
    public bool? ExtendedSessionsEnabled { get; init; }

    /// <summary><c>extendedSessionIdleTimeoutInSeconds</c>.</summary>
    public int? ExtendedSessionIdleTimeoutInSeconds { get; init; }

    /// <summary>The provider as it comes.</summary>
    public static DtfxConfiguration Default { get; } = new("DTFx default");

    /// <summary>
    /// The settings the tuning runs settled on: extended sessions (no history reload per episode: the defaults
    /// re-read a growing history every episode), blob partition leases (the table partition manager's 2-second
    /// table timeout fires on a busy Azurite, partitions are dropped and work stalls for tens of seconds), a 1 s
    /// polling ceiling instead of 30 s, two partitions (one per core: fewer empty control-queue polls than four, and
    /// fan-out and many orchestrations ran slightly faster), 64 concurrent activities and orchestrations, and Durable
    /// Functions' host.json default for the control-queue buffer.
    /// </summary>
    public static DtfxConfiguration Tuned { get; } = new("DTFx tuned")
    {
        PartitionCount = 2,
        ControlQueueBatchSize = 32,
        ControlQueueBufferThreshold = 256,
        MaxQueuePollingInterval = TimeSpan.FromSeconds(1),
        UseTablePartitionManagement = false,
        MaxConcurrentActivityFunctions = 64,
        MaxConcurrentOrchestratorFunctions = 64,
        ExtendedSessionsEnabled = true,
        ExtendedSessionIdleTimeoutInSeconds = 30,
    };

    /// <summary>The provider's settings for task hub <paramref name="taskHubName"/> on <paramref name="storage"/>.</summary>
    public AzureStorageOrchestrationServiceSettings CreateSettings(string taskHubName, StorageAccountClientProvider storage)
    {
        var settings = new AzureStorageOrchestrationServiceSettings { TaskHubName = taskHubName, StorageAccountClientProvider = storage };
        Set(PartitionCount, v => settings.PartitionCount = v);
        Set(ControlQueueBatchSize, v => settings.ControlQueueBatchSize = v);
        Set(ControlQueueBufferThreshold, v => settings.ControlQueueBufferThreshold = v);
        Set(MaxQueuePollingInterval, v => settings.MaxQueuePollingInterval = v);
        Set(WorkItemQueueVisibilityTimeout, v => settings.WorkItemQueueVisibilityTimeout = v);
        Set(UseTablePartitionManagement, v => settings.UseTablePartitionManagement = v);
        Set(UseLegacyPartitionManagement, v => settings.UseLegacyPartitionManagement = v);
        Set(FetchLargeMessagesAutomatically, v => settings.FetchLargeMessageDataEnabled = v);
        Set(MaxConcurrentActivityFunctions, v => settings.MaxConcurrentTaskActivityWorkItems = v);
        Set(MaxConcurrentOrchestratorFunctions, v => settings.MaxConcurrentTaskOrchestrationWorkItems = v);
        Set(ExtendedSessionsEnabled, v => settings.ExtendedSessionsEnabled = v);
        Set(ExtendedSessionIdleTimeoutInSeconds, v => settings.ExtendedSessionIdleTimeout = TimeSpan.FromSeconds(v));
        return settings;

        static void Set<T>(T? value, Action<T> apply)
            where T : struct
        {
            if (value is { } v)
            {
                apply(v);
            }
        }
    }

    /// <summary>The host.json fragment (<c>extensions.durableTask</c>) that gives these settings; empty for the defaults.</summary>
    public IReadOnlyList<string> HostJson()
    {
        var lines = new List<string>();
        Add("storageProvider.partitionCount", PartitionCount);
        Add("storageProvider.controlQueueBatchSize", ControlQueueBatchSize);
        Add("storageProvider.controlQueueBufferThreshold", ControlQueueBufferThreshold);
        Add("storageProvider.maxQueuePollingInterval", MaxQueuePollingInterval?.ToString("c", CultureInfo.InvariantCulture));
        Add("storageProvider.workItemQueueVisibilityTimeout", WorkItemQueueVisibilityTimeout?.ToString("c", CultureInfo.InvariantCulture));
        Add("storageProvider.useTablePartitionManagement", UseTablePartitionManagement);
        Add("storageProvider.useLegacyPartitionManagement", UseLegacyPartitionManagement);
        Add("storageProvider.fetchLargeMessagesAutomatically", FetchLargeMessagesAutomatically);
        Add("maxConcurrentActivityFunctions", MaxConcurrentActivityFunctions);
        Add("maxConcurrentOrchestratorFunctions", MaxConcurrentOrchestratorFunctions);
        Add("extendedSessionsEnabled", ExtendedSessionsEnabled);
        Add("extendedSessionIdleTimeoutInSeconds", ExtendedSessionIdleTimeoutInSeconds);
        return lines;

        void Add(string key, object? value)
        {
            if (value is not null)
            {
                lines.Add(string.Create(CultureInfo.InvariantCulture, $"{key} = {(value is bool b ? (b ? "true" : "false") : value)}"));
            }
        }
    }

    /// <summary>Every plain setting of <paramref name="settings"/> (numbers, flags, intervals, names), sorted by name.</summary>
    public static IReadOnlyList<string> Describe(AzureStorageOrchestrationServiceSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return
        [
            .. typeof(AzureStorageOrchestrationServiceSettings).GetProperties()
                .Where(p => p.CanRead && p.GetIndexParameters().Length == 0 && IsPlain(p.PropertyType))
                .OrderBy(p => p.Name, StringComparer.Ordinal)
                .Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Name} = {p.GetValue(settings) ?? "null"}")),
        ];

        static bool IsPlain(Type type)
        {
            var t = Nullable.GetUnderlyingType(type) ?? type;
            return t.IsPrimitive || t.IsEnum || t == typeof(string) || t == typeof(TimeSpan);
        }
    }
}
