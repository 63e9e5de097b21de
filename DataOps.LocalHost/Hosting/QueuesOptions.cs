namespace DataOps.LocalHost.Hosting;

/// <summary>Queue trigger settings, bound from <c>host.json</c> <c>extensions.queues</c>.</summary>
internal sealed class QueuesOptions
{
    /// <summary>Messages fetched per receive (1-32, default 16).</summary>
    public int BatchSize { get; set; } = 16;

    /// <summary>A new batch is fetched when no more than this many messages are in flight (default half the batch size).</summary>
    public int? NewBatchThreshold { get; set; }

    /// <summary>Longest wait between polls of an empty queue (default 1 minute); waits grow exponentially up to it.</summary>
    public TimeSpan MaxPollingInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Delay before a failed message becomes visible again for a retry (default zero).</summary>
    public TimeSpan VisibilityTimeout { get; set; } = TimeSpan.Zero;

    /// <summary>Failures after which a message moves to <c>{queue}-poison</c> (default 5).</summary>
    public int MaxDequeueCount { get; set; } = 5;

    /// <summary>Message text encoding (default base64, as in Azure Functions).</summary>
    public QueueMessageEncoding MessageEncoding { get; set; } = QueueMessageEncoding.Base64;

    /// <summary>
    /// How long a received message stays invisible; renewed at half this period while its handler runs
    /// (default 1 minute; not an Azure Functions setting).
    /// </summary>
    public TimeSpan MessageLeaseDuration { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>First wait after an empty poll (default 100 ms; not an Azure Functions setting).</summary>
    public TimeSpan MinPollingInterval { get; set; } = TimeSpan.FromMilliseconds(100);
}
