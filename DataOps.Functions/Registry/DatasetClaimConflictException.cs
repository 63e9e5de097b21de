namespace DataOps.Functions.Registry;

/// <summary>
/// A uniqueness rule refused a registration: another dataset already holds the client/stage/type slot or the
/// connector name.
/// </summary>
internal sealed class DatasetClaimConflictException(string claim, string holderDatasetId)
    : Exception($"{claim} is already held by dataset '{holderDatasetId}'.")
{
    /// <summary>What was claimed, e.g. <c>slot acme/sandbox/confluence_pages</c>.</summary>
    public string Claim { get; } = claim;

    /// <summary>The dataset holding it.</summary>
    public string HolderDatasetId { get; } = holderDatasetId;
}
