using DataOps.Domain.Datasets;

namespace DataOps.Domain.Connectors;

/// <summary>
/// How a stage's connector is kept current (the seeds' sync schedule: sandbox manual, pilot hourly, production every
/// 15 minutes). Sandbox holds mock data generated once, so nothing syncs it; pilot re-reads the client's export every
/// hour and pushes it again only when it changed; production is filled by the client's own connector, so the product
/// probes it every 15 minutes and never pushes.
/// </summary>
/// <param name="Mode">What a sync does.</param>
/// <param name="Interval">Time between syncs; null for <see cref="ConnectorSyncMode.Manual"/>.</param>
public sealed record ConnectorSchedule(ConnectorSyncMode Mode, TimeSpan? Interval)
{
    /// <summary>Sandbox: no automatic sync.</summary>
    public static ConnectorSchedule Manual { get; } = new(ConnectorSyncMode.Manual, null);

    /// <summary>Pilot: the export, pushed again when it changed, every hour.</summary>
    public static ConnectorSchedule HourlyResync { get; } = new(ConnectorSyncMode.Resync, TimeSpan.FromHours(1));

    /// <summary>Production: a probe every 15 minutes.</summary>
    public static ConnectorSchedule QuarterHourProbe { get; } = new(ConnectorSyncMode.Probe, TimeSpan.FromMinutes(15));

    /// <summary>Whether anything syncs the connector without a person asking.</summary>
    public bool IsAutomatic => Interval is not null;

    /// <summary>The schedule of a stage's connectors.</summary>
    public static ConnectorSchedule For(Stage stage) => stage switch
    {
        Stage.Sandbox => Manual,
        Stage.Pilot => HourlyResync,
        Stage.Production => QuarterHourProbe,
        _ => throw new ArgumentOutOfRangeException(nameof(stage), stage, "unknown stage"),
    };

    /// <summary>
    /// When the next sync is due: an interval after the last one, or after <paramref name="filledAt"/> (when the
    /// connector was last filled or configured) when none ran yet; null when nothing syncs it automatically.
    /// </summary>
    public DateTimeOffset? NextDueAt(DateTimeOffset? lastSyncedAt, DateTimeOffset filledAt)
        => Interval is { } interval ? (lastSyncedAt ?? filledAt) + interval : null;

    /// <summary>Whether a sync is due at <paramref name="now"/> (never for <see cref="ConnectorSyncMode.Manual"/>).</summary>
    public bool IsDue(DateTimeOffset? lastSyncedAt, DateTimeOffset filledAt, DateTimeOffset now)
        => NextDueAt(lastSyncedAt, filledAt) is { } due && due <= now;
}
