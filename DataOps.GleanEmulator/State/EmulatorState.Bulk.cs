using DataOps.GleanEmulator.Contracts;
using DataOps.GleanEmulator.Validation;

namespace DataOps.GleanEmulator.State;

internal sealed partial class EmulatorState
{
    /// <summary>
    /// One page of a bulk upload: the first page opens the session (refused while another upload is
    /// active unless <c>forceRestartUpload</c>), later pages must belong to the active session, and the
    /// last page closes it and removes every document the session did not carry, unless that would
    /// remove more than the threshold share and the check is not disabled (then the deletion is held).
    /// </summary>
    public OperationResult BulkIndex(BulkIndexDocumentsRequest? request)
    {
        if (string.IsNullOrEmpty(request?.UploadId))
        {
            return OperationResult.BadRequest("uploadId is required");
        }

        var documents = request.Documents ?? [];
        if (documents.Count > options.MaxDocumentsPerPage)
        {
            return OperationResult.TooLarge($"a page carries {documents.Count} documents; at most {options.MaxDocumentsPerPage} are allowed");
        }

        return Write(request.Datasource, ds =>
        {
            var problems = DocumentValidator.Validate(documents, ds);
            if (problems.Count > 0)
            {
                return OperationResult.BadRequest(Join(problems));
            }

            var session = OpenOrFind(ds, request, out var refusal);
            if (session is null)
            {
                return refusal!;
            }

            var now = time.GetUtcNow();
            session.Pages.Add(new PageRecord(
                session.Pages.Count + 1,
                request.IsFirstPage,
                request.IsLastPage,
                documents.Count,
                request.ForceRestartUpload,
                request.DisableStaleDocumentDeletionCheck,
                now));
            foreach (var document in documents)
            {
                ds.Documents[document.Id!] = new StoredDocument(document, now, session.UploadId);
                session.SeenIds.Add(document.Id!);
            }

            if (request.IsLastPage)
            {
                Finish(ds, session, request.DisableStaleDocumentDeletionCheck, now);
            }

            return OperationResult.Ok();
        });
    }

    private UploadRecord? OpenOrFind(DatasourceState ds, BulkIndexDocumentsRequest request, out OperationResult? refusal)
    {
        refusal = null;
        var active = ds.ActiveUpload;
        if (request.IsFirstPage)
        {
            if (active is not null)
            {
                if (!request.ForceRestartUpload)
                {
                    refusal = OperationResult.Conflict(
                        $"upload '{active.UploadId}' is still in progress on datasource '{ds.Name}'; finish it, or restart with forceRestartUpload: true on the first page");
                    return null;
                }

                // A restarted upload disappears from the history: Glean reports only ACTIVE and SUCCESSFUL sessions.
                ds.Uploads.Remove(active);
            }

            var session = new UploadRecord { UploadId = request.UploadId!, StartTime = time.GetUtcNow() };
            ds.Uploads.Add(session);
            return session;
        }

        if (active is not null && active.UploadId == request.UploadId)
        {
            return active;
        }

        refusal = active is not null
            ? OperationResult.Conflict($"upload '{active.UploadId}' is in progress on datasource '{ds.Name}'; page of upload '{request.UploadId}' refused")
            : ds.Uploads.Any(u => u.UploadId == request.UploadId)
                ? OperationResult.BadRequest($"upload '{request.UploadId}' has already received its last page")
                : OperationResult.BadRequest($"upload '{request.UploadId}' has not started: its first page must come first");
        return null;
    }

    private void Finish(DatasourceState ds, UploadRecord session, bool disableCheck, DateTimeOffset now)
    {
        session.Status = UploadStatus.Successful;
        session.EndTime = now;
        var stale = ds.Documents.Keys.Where(id => !session.SeenIds.Contains(id)).ToList();
        if (stale.Count == 0)
        {
            return;
        }

        if (!disableCheck && stale.Count > options.StaleDeletionThreshold * ds.Documents.Count)
        {
            session.StaleHeld = stale.Count;
            return;
        }

        foreach (var id in stale)
        {
            ds.Documents.Remove(id);
        }

        session.StaleDeleted = stale.Count;
    }
}
