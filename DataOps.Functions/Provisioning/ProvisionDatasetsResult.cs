namespace DataOps.Functions.Provisioning;

/// <summary>How a provisioning request was answered.</summary>
/// <param name="InstanceId">The request's instance: started now, or already running.</param>
/// <param name="ActiveDatasets">
/// When the client already has an active dataset of every requested type in the stage, those datasets by type (and
/// nothing started); null when the request was accepted.
/// </param>
/// <param name="ConnectorNamesInUse">
/// The connector names the request would need that another client's datasets hold (nothing started); null when none.
/// </param>
/// <param name="ClientLimit">
/// When the request would take the client past its limit of datasets (nothing started), the limit and the counts; null
/// when within it.
/// </param>
public sealed record ProvisionDatasetsResult(string InstanceId, IReadOnlyDictionary<string, string>? ActiveDatasets, IReadOnlyList<string>? ConnectorNamesInUse = null, ClientDatasetLimit? ClientLimit = null);

/// <summary>
/// The per-client limit a request would exceed: the client has <paramref name="Existing"/> datasets that are not archived
/// and the request adds <paramref name="Adding"/>; at most <paramref name="Limit"/> are allowed.
/// </summary>
public sealed record ClientDatasetLimit(int Limit, int Existing, int Adding)
{
    /// <summary>The refusal in a sentence.</summary>
    public string Describe(string clientId) =>
        $"Client '{clientId}' has {Existing} datasets that are not archived and this request adds {Adding}; a client may have at most {Limit} (DataOps__Provisioning__MaxDatasetsPerClient). Tear down datasets it no longer needs first.";
}
