namespace DataOps.LocalHost.TaskHub;

/// <summary>
/// The <c>extensions:durableTask:storageProvider</c> section of host.json for the Azure Storage provider, with the
/// names and defaults Durable Functions gives them.
/// </summary>
internal sealed class TaskHubStorageOptions
{
    /// <summary>
    /// Name of the setting that holds the storage connection (a connection string, or an identity-based section with
    /// <c>blobServiceUri</c>, <c>queueServiceUri</c> and <c>tableServiceUri</c>). Default <c>AzureWebJobsStorage</c>.
    /// </summary>
    public string ConnectionName { get; set; } = "AzureWebJobsStorage";

    /// <summary>Number of control queues (partitions) of the task hub, 1 to 16. Default 4.</summary>
    public int PartitionCount { get; set; } = 4;

    /// <summary>Messages fetched from a control queue at a time, 1 to 32. Default 32.</summary>
    public int ControlQueueBatchSize { get; set; } = 32;

    /// <summary>Control queue messages buffered in memory before fetching pauses, 1 to 1000. Default 256.</summary>
    public int ControlQueueBufferThreshold { get; set; } = 256;

    /// <summary>Longest pause between two polls of an empty queue. Default 30 s.</summary>
    public TimeSpan MaxQueuePollingInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a dequeued control queue message stays hidden, 1 to 60 minutes. Default 5 minutes.</summary>
    public TimeSpan ControlQueueVisibilityTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long a dequeued work-item (activity) queue message stays hidden. Default 5 minutes.</summary>
    public TimeSpan WorkItemQueueVisibilityTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Whether large inputs and outputs kept in blobs are fetched when an instance's state is read. Default <c>true</c>.</summary>
    public bool FetchLargeMessagesAutomatically { get; set; } = true;

    /// <summary>Use the table-based partition manager instead of blob leases. Default <c>false</c>, as in Durable Functions.</summary>
    public bool UseTablePartitionManagement { get; set; }

    /// <summary>Use the legacy (faster, less split-brain safe) blob partition manager. Default <c>false</c>.</summary>
    public bool UseLegacyPartitionManagement { get; set; }

    /// <summary>Prefix of the tracking store table names when a separate tracking store is used; <c>null</c> keeps the provider's.</summary>
    public string? TrackingStoreNamePrefix { get; set; }

    /// <summary>Whether events sent to a finished instance replay it (to repair its status row). Default <c>false</c>.</summary>
    public bool AllowReplayingTerminalInstances { get; set; }

    /// <summary>
    /// Accepted for host.json compatibility and not mapped: the Azure Storage provider 2.x keeps messages above a fixed
    /// threshold (about 45 KB) in blobs and has no setting for it.
    /// </summary>
    public int? LargeMessageThresholdBytes { get; set; }
}
