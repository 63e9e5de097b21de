using DataOps.GleanEmulator.Contracts;
using DataOps.GleanEmulator.Faults;

namespace DataOps.GleanEmulator.State;

/// <summary>What <c>GET /admin/state</c> answers.</summary>
internal sealed record AdminStateView(IReadOnlyList<AdminDatasourceView> Datasources, FaultSettings Faults, IReadOnlyList<RequestLogEntry> RecentRequests);

/// <summary>What <c>GET /admin/datasources/{name}</c> answers.</summary>
internal sealed record AdminDatasourceView(
    string Name,
    CustomDatasourceConfig Config,
    string Visibility,
    IReadOnlyList<string> BetaUsers,
    int DocumentCount,
    IReadOnlyList<ObjectTypeCount> CountsByType,
    IReadOnlyList<AdminUploadView> Uploads);

/// <summary>One upload session with its pages in arrival order.</summary>
internal sealed record AdminUploadView(
    string UploadId,
    string Status,
    DateTimeOffset StartTime,
    DateTimeOffset? EndTime,
    IReadOnlyList<PageRecord> Pages,
    int DocumentCount,
    int StaleDeleted,
    int StaleHeld);

/// <summary>The persisted form of the whole state (<c>--snapshot</c>).</summary>
internal sealed record EmulatorSnapshot(IReadOnlyList<SnapshotDatasource> Datasources);

internal sealed record SnapshotDatasource(
    CustomDatasourceConfig Config,
    IReadOnlyList<string> BetaUsers,
    IReadOnlyList<StoredDocument> Documents,
    IReadOnlyList<SnapshotUpload> Uploads);

internal sealed record SnapshotUpload(
    string UploadId,
    DateTimeOffset StartTime,
    DateTimeOffset? EndTime,
    string Status,
    IReadOnlyList<PageRecord> Pages,
    IReadOnlyList<string> SeenIds,
    int StaleDeleted,
    int StaleHeld);
