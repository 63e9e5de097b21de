using System.Text.Json.Serialization;
using DataOps.Domain.Datasets;

namespace DataOps.Domain.Connectors;

/// <summary>How one scheduled sync of a connector ended. Wire names: <c>pushed</c>, <c>unchanged</c>, <c>healthy</c>, <c>unhealthy</c>.</summary>
[JsonConverter(typeof(WireNameJsonConverter<ConnectorSyncOutcome>))]
public enum ConnectorSyncOutcome
{
    /// <summary>The export changed: a new copy was staged and pushed, and the dataset is validated again.</summary>
    Pushed,

    /// <summary>The export is what was last pushed: nothing was sent.</summary>
    Unchanged,

    /// <summary>The probe found the connector healthy.</summary>
    Healthy,

    /// <summary>The probe found the connector unhealthy: the dataset is validated again.</summary>
    Unhealthy,
}
