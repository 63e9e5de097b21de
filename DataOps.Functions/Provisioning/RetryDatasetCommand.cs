using DataOps.Domain.Datasets;

namespace DataOps.Functions.Provisioning;

/// <summary>An operator asks for a FAILED dataset to be provisioned again.</summary>
/// <param name="DatasetId">The dataset.</param>
/// <param name="Reason">Why, as the operator wrote it; kept in the retry's input.</param>
public sealed record RetryDatasetCommand(DatasetId DatasetId, string Reason)
{
    /// <summary>The reason recorded when the caller gives none.</summary>
    public const string DefaultReason = "retry requested";

    /// <summary>The longest reason accepted.</summary>
    public const int MaxReasonLength = 500;
}
