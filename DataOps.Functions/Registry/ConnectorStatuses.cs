namespace DataOps.Functions.Registry;

/// <summary>Connector lifecycle statuses as stored and shown.</summary>
internal static class ConnectorStatuses
{
    /// <summary>Created and populated; last probe passed.</summary>
    public const string Healthy = "healthy";

    /// <summary>Last probe failed.</summary>
    public const string Unhealthy = "unhealthy";

    /// <summary>No more pushes (teardown started).</summary>
    public const string Paused = "paused";

    /// <summary>Invisible to everyone; waiting out the grace period.</summary>
    public const string Disconnected = "disconnected";

    /// <summary>Emptied and retired.</summary>
    public const string Retired = "retired";
}
