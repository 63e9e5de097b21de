using DataOps.Domain.Datasets;

namespace DataOps.Functions.Registry;

/// <summary>What the operations overview counts of one dataset, as <see cref="OverviewProjection"/> keeps it.</summary>
/// <param name="DatasetId">The dataset.</param>
/// <param name="Status">Its status.</param>
/// <param name="Type">Its type.</param>
/// <param name="Stage">Its stage.</param>
/// <param name="ProvisioningSeconds">How long its provisioning took, once it finished.</param>
/// <param name="ProvisionCompletedAt">When its provisioning finished.</param>
public sealed record OverviewEntry(string DatasetId, DatasetStatus Status, DatasetType Type, Stage Stage, double? ProvisioningSeconds, DateTimeOffset? ProvisionCompletedAt)
{
    /// <summary>The entry of a dataset as the registry holds it.</summary>
    public static OverviewEntry From(DatasetSnapshot dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        return new(dataset.Id.Value, dataset.Status, dataset.Type, dataset.Stage, dataset.ProvisioningDuration?.TotalSeconds, dataset.ProvisionCompletedAt);
    }
}
