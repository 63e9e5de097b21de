namespace DataOps.LocalHost.TaskHub;

/// <summary>
/// The <c>extensions:durableTask</c> section of host.json, with the names and defaults Durable Functions gives them,
/// plus the task hub worker host's own poison-message and timer settings.
/// </summary>
/// <remarks>Mapped to the provider's settings by <see cref="TaskHubSettingsMapper"/>, which also validates them.</remarks>
internal sealed class TaskHubOptions
{
    /// <summary>The configuration section host.json's durable settings are loaded under.</summary>
    public const string SectionName = "extensions:durableTask";

    /// <summary>The task hub name when none is configured.</summary>
    public const string DefaultHubName = "DataOpsHub";

    /// <summary>Name of the task hub: 3 to 50 letters and digits, starting with a letter. Default <c>DataOpsHub</c>.</summary>
    public string HubName { get; set; } = DefaultHubName;

    /// <summary>The storage provider's settings.</summary>
    public TaskHubStorageOptions StorageProvider { get; set; } = new();

    /// <summary>Activities run at once on this host; <c>null</c> means 10 per processor, as Durable Functions does.</summary>
    public int? MaxConcurrentActivityFunctions { get; set; }

    /// <summary>Orchestration work items run at once on this host; <c>null</c> means 10 per processor.</summary>
    public int? MaxConcurrentOrchestratorFunctions { get; set; }

    /// <summary>Keep orchestrations in memory between work items. Default <c>false</c>.</summary>
    public bool ExtendedSessionsEnabled { get; set; }

    /// <summary>Seconds an idle extended session is kept; negative values count as zero. Default 30.</summary>
    public int ExtendedSessionIdleTimeoutInSeconds { get; set; } = 30;

    /// <summary>
    /// Whether the host takes a lease on the task hub so that only one app processes it at a time. Default <c>true</c>.
    /// </summary>
    public bool UseAppLease { get; set; } = true;

    /// <summary>
    /// Times a queue message may be delivered before the host moves it to the task hub's poison queue
    /// (<c>{hub}-poison</c>), 1 to 100. Default 20. The provider itself retries a message it cannot process for ever
    /// (with a back-off of up to 10 minutes); the host bounds it in the provider's queue client pipeline. Keep it above
    /// 10: the provider redelivers some messages on purpose (a start message it cannot yet match to its instance is
    /// deferred up to 10 times, then discarded), and host crashes and lease moves redeliver more.
    /// </summary>
    public int MaxDequeueCount { get; set; } = 20;

    /// <summary>How often the host looks for poison messages. Default 30 s.</summary>
    public TimeSpan PoisonMessageScanInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Longest single durable timer; longer timers are chained by the SDK. Default 3 days, below the 7-day limit of a
    /// storage queue message's visibility delay.
    /// </summary>
    public TimeSpan MaxTimerInterval { get; set; } = TimeSpan.FromDays(3);
}
