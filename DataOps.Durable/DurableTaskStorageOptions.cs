namespace DataOps.Durable;

/// <summary>Storage layout and pacing of the Azure Storage task hub (<c>extensions:durableTask:storageProvider</c>).</summary>
public sealed class DurableTaskStorageOptions
{
    /// <summary>Number of control-queue partitions (1-16); fixed for the life of a task hub.</summary>
    public int PartitionCount { get; set; } = 4;

    /// <summary>Longest wait between polls of an empty queue (polling backs off up to this).</summary>
    public TimeSpan MaxQueuePollingInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a received control message stays invisible while its episode runs.</summary>
    public TimeSpan ControlQueueVisibilityTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long a received work item stays invisible; renewed while the activity runs.</summary>
    public TimeSpan WorkItemQueueVisibilityTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Payloads larger than this (UTF-8 bytes) are stored gzip-compressed in the large-messages container.</summary>
    public int LargeMessageThresholdBytes { get; set; } = 45 * 1024;

    /// <summary>Control messages received per poll.</summary>
    public int ControlQueueBatchSize { get; set; } = 32;

    /// <summary>Partition lease duration (the storage service accepts 15-60 seconds).</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often leases are renewed and partitions rebalanced.</summary>
    public TimeSpan LeaseRenewInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Longest visibility delay of a timer message (at most 6 days: queues cap visibility at 7). A timer further
    /// away is re-deferred when it becomes visible; its fire time is data in the message, compared to the
    /// <see cref="TimeProvider"/>, so a shorter horizon makes a controlled clock observable sooner.
    /// </summary>
    public TimeSpan TimerPollHorizon { get; set; } = TimeSpan.FromDays(6);
}
