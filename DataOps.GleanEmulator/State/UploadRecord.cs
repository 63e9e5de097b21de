namespace DataOps.GleanEmulator.State;

/// <summary>One bulk-upload session of a datasource, with the pages in the order they arrived.</summary>
internal sealed class UploadRecord
{
    public required string UploadId { get; init; }

    public required DateTimeOffset StartTime { get; init; }

    public DateTimeOffset? EndTime { get; set; }

    public string Status { get; set; } = UploadStatus.Active;

    public List<PageRecord> Pages { get; init; } = [];

    public HashSet<string> SeenIds { get; init; } = new(StringComparer.OrdinalIgnoreCase);

    public int StaleDeleted { get; set; }

    public int StaleHeld { get; set; }
}

internal static class UploadStatus
{
    public const string Active = "ACTIVE";
    public const string Successful = "SUCCESSFUL";
}

/// <summary>One page of a bulk upload as it arrived (sequence is arrival order, starting at 1).</summary>
internal sealed record PageRecord(
    int Sequence,
    bool IsFirstPage,
    bool IsLastPage,
    int DocumentCount,
    bool ForceRestartUpload,
    bool DisableStaleDocumentDeletionCheck,
    DateTimeOffset ReceivedAt);
