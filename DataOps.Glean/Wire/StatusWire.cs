namespace DataOps.Glean.Wire;

internal sealed record DatasourceStatus(DocumentsStatus? Documents, string? DatasourceVisibility);

internal sealed record DocumentsStatus(IReadOnlyList<BulkUploadHistoryEntry>? BulkUploadHistory, DocumentCounts? Counts);

internal sealed record BulkUploadHistoryEntry(string UploadId, string? StartTime, string? EndTime, string? Status);

internal sealed record DocumentCounts(IReadOnlyList<ObjectTypeCount>? Uploaded, IReadOnlyList<ObjectTypeCount>? Indexed);

internal sealed record ObjectTypeCount(string? ObjectType, long Count);

internal sealed record DebugDocumentResponse(DebugDocumentStatus? Status);

internal sealed record DebugDocumentStatus(string? UploadStatus, string? LastUploadedAt, string? IndexingStatus, string? LastIndexedAt);
