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
public sealed record ProvisionDatasetsResult(string InstanceId, IReadOnlyDictionary<string, string>? ActiveDatasets, IReadOnlyList<string>? ConnectorNamesInUse = null);
