namespace DataOps.Functions.Provisioning;

/// <summary>Whether the registration took the client/stage/type slot, or which dataset holds it.</summary>
public sealed record RegistrationResult(bool Registered, string DatasetId, string? HolderDatasetId, string? Conflict);
