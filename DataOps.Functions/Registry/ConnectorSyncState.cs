using DataOps.Domain.Connectors;

namespace DataOps.Functions.Registry;

/// <summary>
/// A connector's sync configuration and where its scheduled sync stands, kept on its row: the stage's schedule, the last
/// sync (when, how it ended), and for a pilot connector the fingerprint of the records pushed and the staged copy that
/// holds them (the dataset's provisioning attempt and the attempt's sync revision, 0 being population's own copy).
/// </summary>
/// <param name="Schedule">What syncs the connector and how often.</param>
/// <param name="LastSyncedAt">When the last scheduled sync ran; null before the first.</param>
/// <param name="LastOutcome">How it ended.</param>
/// <param name="Fingerprint">SHA-256 (hex) of the records the last push sent, as staged; null before a scheduled push.</param>
/// <param name="Attempt">The provisioning attempt the sync state belongs to (a retry starts over at revision 0).</param>
/// <param name="Revision">The attempt's current staged copy: 0 is population's, each changed export pushed adds one.</param>
/// <param name="LastSyncId">The orchestration's id of the last sync recorded, so a repeated activity finds its own result.</param>
public sealed record ConnectorSyncState(
    ConnectorSchedule Schedule,
    DateTimeOffset? LastSyncedAt = null,
    ConnectorSyncOutcome? LastOutcome = null,
    string? Fingerprint = null,
    int Attempt = 0,
    int Revision = 0,
    string? LastSyncId = null)
{
    /// <summary>The staged-copy revision current for <paramref name="attempt"/>: what this state recorded for it, else population's (0).</summary>
    public int RevisionFor(int attempt) => Attempt == attempt ? Revision : 0;

    /// <summary>The last sync of <paramref name="attempt"/>; null when none ran since that attempt was provisioned.</summary>
    public DateTimeOffset? LastSyncedAtFor(int attempt) => Attempt == attempt ? LastSyncedAt : null;
}
