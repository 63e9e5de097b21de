
using DataOps.Glean.Model;
namespace DataOps.Glean;

/// <summary>
/// The connector lifecycle of the product, in the product's terms, on top of Glean's indexing and search
/// APIs. Every operation is safe to repeat: activities run at least once.
/// </summary>
public interface IGleanConnectorService
{
    /// <summary>Registers (or updates) the datasource; sandbox and pilot connectors are test datasources seen by the beta users only.</summary>
    /// <exception cref="Errors.GleanConflictException">The derived datasource name belongs to another connector.</exception>
    Task<GleanConnector> CreateConnectorAsync(ConnectorSpec spec, CancellationToken cancellationToken = default);

    /// <summary>Reads a connector back from Glean; null when Glean does not know the datasource.</summary>
    Task<GleanConnector?> GetConnectorAsync(string connectorName, CancellationToken cancellationToken = default);

    /// <summary>
    /// Replaces the connector's documents with <paramref name="records"/> in one bulk upload (first page, middle pages,
    /// last page). The upload id is derived from <paramref name="datasetId"/> and <paramref name="attempt"/>; an
    /// unfinished earlier upload of the same dataset is restarted. Production connectors are never populated.
    /// </summary>
    /// <exception cref="InvalidOperationException">The connector serves the production stage.</exception>
    Task<PopulationResult> PopulateAsync(
        GleanConnector connector,
        string datasetId,
        int attempt,
        IReadOnlyList<IReadOnlyDictionary<string, object?>> records,
        CancellationToken cancellationToken = default);

    /// <summary>
    /// Pushes the connector's documents again for a scheduled sync: a full bulk upload of <paramref name="records"/> under
    /// a new upload id (derived from <paramref name="datasetId"/>, <paramref name="attempt"/> and <paramref name="revision"/>,
    /// so a repeated push of the same revision restarts its own upload). When the last page lands Glean deletes the
    /// documents the upload did not carry, unless that would delete more than 20 % of the datasource: then the deletion
    /// is held (the stale-deletion guard stays on, so a truncated export cannot empty a connector).
    /// </summary>
    /// <exception cref="InvalidOperationException">The connector serves the production stage.</exception>
    Task<PopulationResult> ResyncAsync(
        GleanConnector connector,
        string datasetId,
        int attempt,
        int revision,
        IReadOnlyList<IReadOnlyDictionary<string, object?>> records,
        CancellationToken cancellationToken = default);

    /// <summary>Probes the connector through Glean's debug status; never throws for a Glean failure, it reports it.</summary>
    Task<ConnectorHealth> ProbeHealthAsync(GleanConnector connector, long expectedDocumentCount, CancellationToken cancellationToken = default);

    /// <summary>
    /// Runs the sample queries (the type's defaults when <paramref name="queries"/> is null), each filtered to the
    /// connector; any result of the connector's datasource passes a query.
    /// </summary>
    Task<SampleQueryReport> RunSampleQueriesAsync(GleanConnector connector, IReadOnlyList<string>? queries = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Runs the sample queries as <c>Glean:ValidationUser</c>, each filtered to the connector: a query passes when the
    /// connector's datasource answers with every document it expects (with any result, when it expects none). Results
    /// from other datasources do not count.
    /// </summary>
    Task<SampleQueryReport> RunSampleQueriesAsync(GleanConnector connector, IReadOnlyList<SampleQuery> queries, CancellationToken cancellationToken = default);

    /// <summary>Stops pushing to the connector. Glean has no pause: nothing is called, the result is for the registry.</summary>
    ConnectorPause Pause(GleanConnector connector);

    /// <summary>Makes the connector invisible: a test datasource with no beta users.</summary>
    Task<ConnectorDisconnection> DisconnectAsync(GleanConnector connector, CancellationToken cancellationToken = default);

    /// <summary>Empties the connector with a zero-document bulk upload and checks that Glean reports nothing left.</summary>
    Task<ConnectorRetirement> EmptyAndRetireAsync(GleanConnector connector, string datasetId, CancellationToken cancellationToken = default);

    /// <summary>Documents Glean holds for the connector.</summary>
    Task<ConnectorDocumentCount> GetDocumentCountAsync(GleanConnector connector, CancellationToken cancellationToken = default);
}
