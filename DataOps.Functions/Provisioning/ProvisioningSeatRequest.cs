using DataOps.Domain.Datasets;

namespace DataOps.Functions.Provisioning;

/// <summary>A provision's seat among the stage's (<see cref="ProvisioningSlots"/>).</summary>
public sealed record ProvisioningSeatRequest(Stage Stage, DatasetId DatasetId);
