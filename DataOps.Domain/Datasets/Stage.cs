using System.Text.Json.Serialization;

namespace DataOps.Domain.Datasets;

/// <summary>The client journey phase a dataset belongs to. Wire names: <c>sandbox</c>, <c>pilot</c>, <c>production</c>.</summary>
[JsonConverter(typeof(WireNameJsonConverter<Stage>))]
public enum Stage
{
    /// <summary>Synthetic mock data from templates.</summary>
    Sandbox,

    /// <summary>Sanitized production-like data.</summary>
    Pilot,

    /// <summary>Real client data; the product configures and validates the connector but never populates it.</summary>
    Production,
}
