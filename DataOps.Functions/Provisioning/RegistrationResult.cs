using DataOps.Domain.Datasets;

namespace DataOps.Functions.Provisioning;

/// <summary>
/// Whether the registration took the client/stage/type slot, or which of the client's datasets holds it; no holder and a
/// conflict when another client's dataset holds the connector name.
/// </summary>
public sealed record RegistrationResult(bool Registered, DatasetId DatasetId, DatasetId? HolderDatasetId, string? Conflict);
