
using DataOps.Glean.Wire;
using Microsoft.Extensions.Options;

namespace DataOps.Glean.Http;

/// <summary>Typed client of the indexing API (<c>/api/index/v1</c>), created by <c>IHttpClientFactory</c>.</summary>
internal sealed class GleanIndexingClient(HttpClient http, IOptionsMonitor<GleanOptions> options)
{
    private const string Prefix = "api/index/v1/";
    private const string TokenSetting = "Glean:IndexingToken";

    public Task AddDatasourceAsync(CustomDatasourceConfig config, CancellationToken cancellationToken) =>
        PostAsync<object>("adddatasource", GleanHttp.Json(config), cancellationToken);

    public Task<CustomDatasourceConfig?> GetDatasourceConfigAsync(string datasource, CancellationToken cancellationToken) =>
        PostAsync<CustomDatasourceConfig>("getdatasourceconfig", GleanHttp.Json(new DatasourceRequest(datasource)), cancellationToken);

    /// <summary>One bulk page; <paramref name="page"/> is the already serialized request body.</summary>
    public Task BulkIndexDocumentsAsync(HttpContent page, CancellationToken cancellationToken) =>
        PostAsync<object>("bulkindexdocuments", page, cancellationToken);

    public Task IndexDocumentsAsync(string datasource, IReadOnlyList<DocumentDefinition> documents, CancellationToken cancellationToken) =>
        GleanHttp.PostAsync<object>(http, Prefix + "indexdocuments", GleanHttp.Json(new { datasource, documents }), options.CurrentValue.IndexingToken, TokenSetting, documents.Count, cancellationToken);

    public Task DeleteDocumentAsync(DeleteDocumentRequest request, CancellationToken cancellationToken) =>
        PostAsync<object>("deletedocument", GleanHttp.Json(request), cancellationToken);

    public Task<DatasourceStatus?> GetStatusAsync(string datasource, CancellationToken cancellationToken) =>
        PostAsync<DatasourceStatus>($"debug/{Uri.EscapeDataString(datasource)}/status", null, cancellationToken);

    public Task<DebugDocumentResponse?> GetDocumentStatusAsync(string datasource, DebugDocumentRequest request, CancellationToken cancellationToken) =>
        PostAsync<DebugDocumentResponse>($"debug/{Uri.EscapeDataString(datasource)}/document", GleanHttp.Json(request), cancellationToken);

    public Task SetBetaUsersAsync(string datasource, IReadOnlyList<string> emails, CancellationToken cancellationToken) =>
        PostAsync<object>("betausers", GleanHttp.Json(new BetaUsersRequest(datasource, emails)), cancellationToken);

    private Task<T?> PostAsync<T>(string path, HttpContent? content, CancellationToken cancellationToken) =>
        GleanHttp.PostAsync<T>(http, Prefix + path, content, options.CurrentValue.IndexingToken, TokenSetting, 1, cancellationToken);
}
