namespace DataOps.GleanEmulator.Contracts;

internal sealed record DebugStatusResponse(DebugDocumentsStatus Documents, string DatasourceVisibility);

internal sealed record DebugDocumentsStatus(IReadOnlyList<BulkUploadHistoryEntry> BulkUploadHistory, DocumentCounts Counts);

internal sealed record BulkUploadHistoryEntry(string UploadId, string StartTime, string? EndTime, string Status);

internal sealed record DocumentCounts(IReadOnlyList<ObjectTypeCount> Uploaded, IReadOnlyList<ObjectTypeCount> Indexed);

internal sealed record ObjectTypeCount(string ObjectType, long Count);

internal sealed record DebugDocumentRequest(string? ObjectType, string? DocId);

internal sealed record DebugDocumentResponse(DebugDocumentStatus Status);

internal sealed record DebugDocumentStatus(string UploadStatus, string? LastUploadedAt, string IndexingStatus, string? LastIndexedAt);
