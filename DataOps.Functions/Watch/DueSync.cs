using DataOps.Domain.Connectors;
using DataOps.Domain.Datasets;

namespace DataOps.Functions.Watch;

/// <summary>A READY dataset whose connector's scheduled sync is due, and what that sync does.</summary>
/// <param name="DatasetId">The dataset.</param>
/// <param name="Mode"><see cref="ConnectorSyncMode.Resync"/> (pilot) or <see cref="ConnectorSyncMode.Probe"/> (production).</param>
public sealed record DueSync(DatasetId DatasetId, ConnectorSyncMode Mode);
