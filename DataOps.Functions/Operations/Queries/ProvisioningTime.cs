namespace DataOps.Functions.Operations.Queries;

/// <summary>How long one dataset took to provision.</summary>
/// <param name="DatasetId">The dataset.</param>
/// <param name="DatasetType">Its type.</param>
/// <param name="Stage">Its stage.</param>
/// <param name="ReadyAt">When its provisioning completed.</param>
/// <param name="Seconds">How long it took, to a tenth of a second.</param>
public sealed record ProvisioningTime(string DatasetId, string DatasetType, string Stage, DateTimeOffset? ReadyAt, double Seconds);
