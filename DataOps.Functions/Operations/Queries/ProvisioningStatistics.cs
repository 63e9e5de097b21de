namespace DataOps.Functions.Operations.Queries;

/// <summary>Statistics over provisioning times, in seconds to a tenth.</summary>
/// <param name="Count">How many datasets finished provisioning.</param>
/// <param name="Median">The median (nearest rank); null for none.</param>
/// <param name="P95">The 95th percentile (nearest rank); null for none.</param>
public sealed record ProvisioningStatistics(int Count, double? Median, double? P95);
