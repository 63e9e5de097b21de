using DataOps.Domain.Datasets;

namespace DataOps.Glean.Model;

/// <summary>What the product asks for when it creates a connector.</summary>
/// <param name="ConnectorName">The product connector name, <c>{client}-{stage}-{connectorType}</c>.</param>
/// <param name="DatasetType">What the connector will hold.</param>
/// <param name="Stage">The stage it serves.</param>
/// <param name="ViewUrlBase">
/// Scheme and host the records' <c>url</c> values use (see <see cref="ViewUrls.BaseFrom"/>); the datasource
/// <c>urlRegex</c> is built from it. Null gives <c>https://{datasource}.dataops.example.com/</c>.
/// </param>
/// <param name="BetaUsers">Extra beta users for a test datasource, added to the ones the stage's access rules name.</param>
/// <param name="ClientId">
/// The client the connector serves: its people in <c>Glean:Clients:{clientId}</c> see its test datasource as the stage's
/// access rules say (see <see cref="DataOps.Domain.Connectors.DatasourceAccess"/>). The validation user and
/// <c>Glean:BetaUsers</c> see every test datasource.
/// </param>
public sealed record ConnectorSpec(
    string ConnectorName,
    DatasetType DatasetType,
    Stage Stage,
    Uri? ViewUrlBase = null,
    IReadOnlyList<string>? BetaUsers = null,
    string? ClientId = null);
