using System.Text.Json.Serialization;
using DataOps.Domain.Datasets;

namespace DataOps.Domain.Connectors;

/// <summary>What keeps a connector's documents current after provisioning. Wire names: <c>manual</c>, <c>resync</c>, <c>probe</c>.</summary>
[JsonConverter(typeof(WireNameJsonConverter<ConnectorSyncMode>))]
public enum ConnectorSyncMode
{
    /// <summary>Nothing automatic: the records were pushed once and change only when someone provisions again.</summary>
    Manual,

    /// <summary>The client's export is read again on a schedule and pushed again when it changed.</summary>
    Resync,

    /// <summary>The client's own connector fills the datasource; the product only probes it on a schedule.</summary>
    Probe,
}
