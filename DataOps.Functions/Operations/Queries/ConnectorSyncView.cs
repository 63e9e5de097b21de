using System.Xml;
using DataOps.Domain.Datasets;
using DataOps.Functions.Registry;

namespace DataOps.Functions.Operations.Queries;

/// <summary>A connector's scheduled sync as the dataset detail shows it.</summary>
/// <param name="Mode"><c>manual</c> (sandbox: nothing syncs it), <c>resync</c> (pilot: the export pushed again when it changed) or <c>probe</c> (production: probed).</param>
/// <param name="Interval">Time between syncs as an ISO 8601 duration (<c>PT1H</c>, <c>PT15M</c>); null for manual.</param>
/// <param name="LastSyncedAt">When the last scheduled sync of the dataset's current attempt ran; null before the first.</param>
/// <param name="LastOutcome"><c>pushed</c>, <c>unchanged</c>, <c>healthy</c> or <c>unhealthy</c>; null before the first sync.</param>
/// <param name="NextDueAt">When the next sync is due (the sync runs every few minutes and takes what is due); null when nothing syncs the dataset now (manual, or not READY).</param>
/// <param name="Fingerprint">SHA-256 of the records the last sync found or pushed (pilot); null otherwise.</param>
public sealed record ConnectorSyncView(string Mode, string? Interval, DateTimeOffset? LastSyncedAt, string? LastOutcome, DateTimeOffset? NextDueAt, string? Fingerprint)
{
    /// <summary>The view of <paramref name="sync"/> for a dataset as <paramref name="dataset"/> has it.</summary>
    public static ConnectorSyncView From(ConnectorSyncState sync, DatasetSnapshot dataset)
    {
        ArgumentNullException.ThrowIfNull(sync);
        ArgumentNullException.ThrowIfNull(dataset);
        var current = sync.Attempt == dataset.Attempt;
        var last = sync.LastSyncedAtFor(dataset.Attempt);
        return new ConnectorSyncView(
            sync.Schedule.Mode.ToWireName(),
            sync.Schedule.Interval is { } interval ? XmlConvert.ToString(interval) : null,
            last,
            current ? sync.LastOutcome?.ToWireName() : null,
            dataset.Status == DatasetStatus.Ready ? sync.Schedule.NextDueAt(last, dataset.ProvisioningStartedAt) : null,
            current ? sync.Fingerprint : null);
    }
}
