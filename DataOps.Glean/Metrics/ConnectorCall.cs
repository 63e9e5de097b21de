namespace DataOps.Glean.Metrics;

/// <summary>What the product asked of a connector's datasource.</summary>
public enum ConnectorCallKind
{
    /// <summary>A bulk upload of the connector's documents (population, re-sync).</summary>
    Sync,

    /// <summary>A health probe of the datasource's status.</summary>
    Probe,

    /// <summary>A search restricted to the datasource (the sample queries).</summary>
    Query,
}

/// <summary>How a call to Glean ended, after the adapter's retries.</summary>
public enum ConnectorCallOutcome
{
    /// <summary>Glean answered and the call did what it asked.</summary>
    Succeeded,

    /// <summary>Glean answered with a refusal about this connector (4xx other than throttling): the connector's own error.</summary>
    Failed,

    /// <summary>Glean did not answer in time, was throttling, or failed on its side (5xx, timeouts, open circuit).</summary>
    Unavailable,
}

/// <summary>One call the adapter made for a connector, as it finished.</summary>
/// <param name="DatasourceName">The connector's Glean datasource.</param>
/// <param name="Kind">What was asked.</param>
/// <param name="Outcome">How it ended.</param>
/// <param name="Duration">Glean's answer time (the last attempt's), or the whole call's when nothing answered.</param>
/// <param name="At">When the call finished.</param>
public sealed record ConnectorCall(string DatasourceName, ConnectorCallKind Kind, ConnectorCallOutcome Outcome, TimeSpan Duration, DateTimeOffset At);
