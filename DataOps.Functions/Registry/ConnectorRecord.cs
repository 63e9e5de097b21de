using DataOps.Domain.Connectors;
using DataOps.Glean.Model;

namespace DataOps.Functions.Registry;

/// <summary>A stored connector.</summary>
/// <param name="Connector">The Glean connector.</param>
/// <param name="DatasetId">The dataset it serves.</param>
/// <param name="Status">Lifecycle status.</param>
/// <param name="LastHealthCheck">When it was last probed.</param>
/// <param name="HealthDetails">What the last probe found.</param>
public sealed record ConnectorRecord(GleanConnector Connector, string DatasetId, string Status, DateTimeOffset? LastHealthCheck, string? HealthDetails)
{
    /// <summary>Its sync configuration (the stage's schedule) and where its scheduled sync stands.</summary>
    public ConnectorSyncState Sync { get; init; } = new(ConnectorSchedule.For(Connector.Stage));
}
