namespace DataOps.Glean.Metrics;

/// <summary>
/// The adapter's OpenTelemetry meter: every connector call counted (<c>dataops.glean.connector.calls</c>) and timed
/// (<c>dataops.glean.connector.duration</c>, seconds), tagged with what was asked, how it ended and the connector's stage
/// and dataset type. The connector itself is not a tag (an estate has thousands, more series than a metrics back end
/// should carry); its own figures are kept by the app and shown per dataset.
/// </summary>
public static class GleanTelemetry
{
    /// <summary>The meter's name, for an OpenTelemetry provider to listen to.</summary>
    public const string MeterName = "DataOps.Glean";

    /// <summary>The call counter's name.</summary>
    public const string CallsInstrument = "dataops.glean.connector.calls";

    /// <summary>The answer-time histogram's name.</summary>
    public const string DurationInstrument = "dataops.glean.connector.duration";

    /// <summary>The lower-case name of a call kind, as metrics and the API write it.</summary>
    public static string Wire(ConnectorCallKind kind) => kind.ToString().ToLowerInvariant();

    /// <summary>The lower-case name of an outcome, as metrics and the API write it.</summary>
    public static string Wire(ConnectorCallOutcome outcome) => outcome.ToString().ToLowerInvariant();
}
