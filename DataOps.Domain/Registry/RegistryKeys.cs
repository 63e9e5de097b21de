using DataOps.Domain.Connectors;
using DataOps.Domain.Datasets;

namespace DataOps.Domain.Registry;

/// <summary>
/// Keys for the registry's uniqueness rows (insert-if-absent enforces the invariants, not reads). Both are
/// safe as Azure Table row keys: ids and names never contain <c>/ \ # ?</c> or control characters, and <c>|</c>
/// separates the parts.
/// </summary>
public static class RegistryKeys
{
    /// <summary>The slot one active dataset per client/stage/type occupies, e.g. <c>client-1|sandbox|confluence_pages</c>.</summary>
    public static string ActiveSlot(ClientId clientId, Stage stage, DatasetType datasetType)
        => $"{clientId.Value}|{stage.ToWireName()}|{datasetType.ToWireName()}";

    /// <summary>The connector name folded to upper case: names differing only in case are the same name (Glean datasource names are case-insensitive).</summary>
    public static string ConnectorName(ConnectorName connectorName) => connectorName.Value.ToUpperInvariant();
}
