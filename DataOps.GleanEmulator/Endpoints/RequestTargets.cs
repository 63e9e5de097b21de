using DataOps.GleanEmulator.Contracts;

namespace DataOps.GleanEmulator.Endpoints;

/// <summary>
/// Notes on the request which datasource (and bulk upload) it names, for the request log: from the body an endpoint has
/// read, or from the route.
/// </summary>
internal static class RequestTargets
{
    private const string Item = "glean.target";

    /// <summary>Notes the datasource and upload named by a request body the endpoint has read.</summary>
    public static void NoteBody(HttpContext context, object? body)
    {
        var (datasource, uploadId) = body switch
        {
            CustomDatasourceConfig c => (c.Name, null),
            DatasourceRequest r => (r.Datasource, null),
            BulkIndexDocumentsRequest b => (b.Datasource, b.UploadId),
            IndexDocumentsRequest i => (i.Datasource, null),
            DeleteDocumentRequest d => (d.Datasource, null),
            BetaUsersRequest u => (u.Datasource, null),
            SearchRequest s => (s.RequestOptions?.DatasourceFilter ?? (s.RequestOptions?.DatasourcesFilter is { Count: > 0 } all ? string.Join(',', all) : null), null),
            _ => ((string?)null, (string?)null),
        };
        Note(context, datasource, uploadId);
    }

    /// <summary>Notes a datasource named by the route.</summary>
    public static void Note(HttpContext context, string? datasource, string? uploadId = null)
    {
        if (datasource is not null || uploadId is not null)
        {
            context.Items[Item] = (datasource, uploadId);
        }
    }

    /// <summary>What the request touched (null when nothing was noted and the caller sent no <c>User-Agent</c>).</summary>
    public static Faults.RequestTarget? Read(HttpContext context)
    {
        var (datasource, uploadId) = context.Items[Item] is ValueTuple<string?, string?> noted ? noted : (null, null);
        var agent = context.Request.Headers.UserAgent.ToString();
        return datasource is null && uploadId is null && agent.Length == 0
            ? null
            : new Faults.RequestTarget(datasource, uploadId, agent.Length == 0 ? null : agent);
    }
}
