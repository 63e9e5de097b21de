namespace DataOps.Functions.Registry;

/// <summary>Where the registry keeps its tables and publishes domain events (configuration section <c>DataOps:Registry</c>).</summary>
public sealed class RegistryOptions
{
    /// <summary>Configuration section.</summary>
    public const string SectionName = "DataOps:Registry";

    /// <summary>Prefix of every registry table name (letters and digits); lets several deployments or test runs share one account.</summary>
    public string TablePrefix { get; set; } = "DataOps";

    /// <summary>Queue receiving every domain event as JSON (the published language for journey orchestration).</summary>
    public string EventsQueueName { get; set; } = "dataset-events";

    /// <summary>How long audit entries are kept.</summary>
    public TimeSpan AuditRetention { get; set; } = TimeSpan.FromDays(90);
}
