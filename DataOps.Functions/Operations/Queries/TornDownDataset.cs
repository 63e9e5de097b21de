using DataOps.Domain.Datasets;

namespace DataOps.Functions.Operations.Queries;

/// <summary>The dataset a running teardown works on, as the teardowns list shows it.</summary>
/// <param name="ClientId">Its client.</param>
/// <param name="JourneyId">Its journey.</param>
/// <param name="Stage">Its stage.</param>
/// <param name="DatasetType">Its type.</param>
/// <param name="Status">Its status.</param>
public sealed record TornDownDataset(string ClientId, string JourneyId, string Stage, string DatasetType, string Status)
{
    /// <summary>Projects a stored dataset.</summary>
    public static TornDownDataset From(DatasetSnapshot dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        return new(dataset.ClientId.Value, dataset.JourneyId.Value, dataset.Stage.ToWireName(), dataset.Type.ToWireName(), dataset.Status.ToWireName());
    }
}
