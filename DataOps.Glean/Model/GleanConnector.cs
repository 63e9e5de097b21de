using DataOps.Domain.Datasets;

namespace DataOps.Glean.Model;

/// <summary>
/// The product's view of a Glean connector: what it is called on our side and in Glean, what it holds and
/// who sees it. Translated to and from Glean's <c>CustomDatasourceConfig</c> by the adapter only.
/// </summary>
/// <param name="ConnectorName">The product name, <c>{client}-{stage}-{connectorType}</c>, e.g. <c>ACME-sandbox-confluence</c>.</param>
/// <param name="DatasourceName">The Glean datasource name derived from it (see <see cref="DatasourceNames"/>).</param>
/// <param name="DatasetType">What the connector holds.</param>
/// <param name="Stage">Which stage it serves; sandbox and pilot connectors are Glean test datasources.</param>
/// <param name="ObjectType">The Glean object type of its documents (<c>Page</c>, <c>Repository</c>, ...).</param>
/// <param name="UrlRegex">The datasource <c>urlRegex</c>; every document <c>viewURL</c> matches it.</param>
/// <param name="ViewUrlBase">Root of canonical view URLs for records whose own URL does not match.</param>
/// <param name="IsTestDatasource">True when only beta users see it (sandbox, pilot, and after a disconnect).</param>
/// <param name="BetaUsers">The e-mails that see a test datasource.</param>
public sealed record GleanConnector(
    string ConnectorName,
    string DatasourceName,
    DatasetType DatasetType,
    Stage Stage,
    string ObjectType,
    string UrlRegex,
    Uri ViewUrlBase,
    bool IsTestDatasource,
    IReadOnlyList<string> BetaUsers)
{
    /// <summary>The connector kind, the short form of <see cref="DatasetType"/>.</summary>
    public ConnectorType ConnectorType => ConnectorKinds.ToConnectorType(DatasetType);

    /// <summary>Value equality, with the beta users compared as a sequence.</summary>
    public bool Equals(GleanConnector? other) =>
        other is not null
        && ConnectorName == other.ConnectorName
        && DatasourceName == other.DatasourceName
        && DatasetType == other.DatasetType
        && Stage == other.Stage
        && ObjectType == other.ObjectType
        && UrlRegex == other.UrlRegex
        && ViewUrlBase == other.ViewUrlBase
        && IsTestDatasource == other.IsTestDatasource
        && BetaUsers.SequenceEqual(other.BetaUsers, StringComparer.OrdinalIgnoreCase);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(ConnectorName, DatasourceName, DatasetType, Stage, IsTestDatasource);
}
