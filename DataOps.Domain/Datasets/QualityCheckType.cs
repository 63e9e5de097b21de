using System.Text.Json.Serialization;

namespace DataOps.Domain.Datasets;

/// <summary>The four quality checks. Wire names: <c>schema</c>, <c>completeness</c>, <c>connector_health</c>, <c>sample_queries</c>.</summary>
[JsonConverter(typeof(WireNameJsonConverter<QualityCheckType>))]
public enum QualityCheckType
{
    /// <summary>Records conform to the template schema.</summary>
    Schema,

    /// <summary>Required fields are filled and the record count is as expected.</summary>
    Completeness,

    /// <summary>The Glean connector is reachable, authorized, fast and error-free.</summary>
    ConnectorHealth,

    /// <summary>Sample searches return results.</summary>
    SampleQueries,
}
