namespace DataOps.Functions.Registry;

/// <summary>The dataset changed since it was loaded; reload and apply the change again.</summary>
internal sealed class RegistryConcurrencyException(string datasetId)
    : Exception($"Dataset '{datasetId}' was changed by someone else since it was loaded.")
{
    /// <summary>The dataset.</summary>
    public string DatasetId { get; } = datasetId;
}
