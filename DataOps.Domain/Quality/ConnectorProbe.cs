namespace DataOps.Domain.Quality;

/// <summary>
/// What a health probe of a Glean connector observed (the adapter fills it from the datasource status endpoint).
/// </summary>
/// <param name="Connected">The endpoint was reachable.</param>
/// <param name="Authorized">The token was accepted.</param>
/// <param name="ResponseTime">How long the probe took.</param>
/// <param name="ErrorRate">Share of failed calls in the recent window, 0..1.</param>
/// <param name="LastUploadSuccessful">The latest bulk upload finished as SUCCESSFUL.</param>
/// <param name="IndexedDocumentCount">Documents Glean reports as indexed.</param>
/// <param name="ExpectedDocumentCount">Documents the dataset holds; null when not checked (e.g. production).</param>
/// <param name="Error">The probe's error text, if any (never a token).</param>
public sealed record ConnectorProbe(
    bool Connected,
    bool Authorized,
    TimeSpan ResponseTime,
    double ErrorRate,
    bool LastUploadSuccessful,
    long IndexedDocumentCount,
    long? ExpectedDocumentCount,
    string? Error = null);
