
using DataOps.Glean.Wire;
using Microsoft.Extensions.Options;

namespace DataOps.Glean.Http;

/// <summary>Typed client of the client API's search endpoint (<c>/rest/api/v1/search</c>).</summary>
internal sealed class GleanSearchClient(HttpClient http, IOptionsMonitor<GleanOptions> options)
{
    public Task<SearchResponse?> SearchAsync(SearchRequest request, CancellationToken cancellationToken) =>
        GleanHttp.PostAsync<SearchResponse>(http, "rest/api/v1/search", GleanHttp.Json(request), options.CurrentValue.ClientToken, "Glean:ClientToken", 1, cancellationToken);
}
