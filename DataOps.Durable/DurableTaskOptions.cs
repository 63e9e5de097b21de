namespace DataOps.Durable;

/// <summary>
/// Task hub settings. Bound from the configuration section <c>extensions:durableTask</c> (the host loads
/// <c>host.json</c> at the configuration root); the storage connection string comes from <c>AzureWebJobsStorage</c>.
/// </summary>
public sealed class DurableTaskOptions
{
    /// <summary>The configuration section the options are bound from.</summary>
    public const string SectionName = "extensions:durableTask";

    /// <summary>The task hub name: letters and digits, starting with a letter, 3-45 characters.</summary>
    public string HubName { get; set; } = "DataOpsHub";

    /// <summary>The storage connection string (default: the local emulator).</summary>
    public string ConnectionString { get; set; } = "UseDevelopmentStorage=true";

    /// <summary>Storage layout and pacing settings.</summary>
    public DurableTaskStorageOptions StorageProvider { get; set; } = new();

    /// <summary>How many activities run at once on one worker.</summary>
    public int MaxConcurrentActivityFunctions { get; set; } = 20;

    /// <summary>How many orchestration episodes run at once on one worker.</summary>
    public int MaxConcurrentOrchestratorFunctions { get; set; } = 20;

    /// <summary>A message received more often than this is moved to the poison queue and its instance failed.</summary>
    public int MaxDequeueCount { get; set; } = 5;

    /// <summary>Largest accepted serialized input, output, event or status (bytes); larger ones are refused at the call site.</summary>
    public int MaxPayloadBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>A name identifying this worker in partition leases (default: machine name and a random suffix).</summary>
    public string? WorkerId { get; set; }

    /// <summary>How long shutdown waits for in-flight work before abandoning it.</summary>
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
