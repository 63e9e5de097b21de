using DataOps.Glean.Model;
namespace DataOps.Functions.Registry;

/// <summary>A stored connector.</summary>
/// <param name="Connector">The Glean connector.</param>
/// <param name="DatasetId">The dataset it serves.</param>
/// <param name="Status">Lifecycle status.</param>
/// <param name="LastHealthCheck">When it was last probed.</param>
/// <param name="HealthDetails">What the last probe found.</param>
public sealed record ConnectorRecord(GleanConnector Connector, string DatasetId, string Status, DateTimeOffset? LastHealthCheck, string? HealthDetails);
