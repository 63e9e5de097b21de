namespace DataOps.Glean.Model;

/// <summary>
/// What the health probe found. <see cref="Healthy"/> holds only when Glean answered, the token was accepted,
/// the last upload is SUCCESSFUL, the indexed count is the expected one and the answer came in time.
/// </summary>
public sealed record ConnectorHealth(
    string ConnectorName,
    string DatasourceName,
    bool Reachable,
    bool Authorized,
    bool LastUploadSuccessful,
    long IndexedCount,
    long ExpectedCount,
    TimeSpan ResponseTime,
    bool RespondedInTime,
    DateTimeOffset CheckedAt,
    IReadOnlyList<string> Problems)
{
    /// <summary>True when every part of the probe passed.</summary>
    public bool Healthy => Reachable && Authorized && LastUploadSuccessful && IndexedCount == ExpectedCount && RespondedInTime;
}
