using DataOps.Domain.Datasets;

namespace DataOps.Functions.Provisioning;

/// <summary>Whether the registration took the client/stage/type slot, or which dataset holds it.</summary>
public sealed record RegistrationResult(bool Registered, DatasetId DatasetId, DatasetId? HolderDatasetId, string? Conflict);
