
using DataOps.Glean.Wire;
using Microsoft.Extensions.Options;

namespace DataOps.Glean.Http;

/// <summary>
/// Typed client of the client API's search endpoint (<c>/rest/api/v1/search</c>). Glean answers a search as a user: a
/// user-scoped token searches as its own user, a global token as the user named in <c>X-Glean-ActAs</c>, which this
/// client sets to <c>Glean:ValidationUser</c>.
/// </summary>
internal sealed class GleanSearchClient(HttpClient http, IOptionsMonitor<GleanOptions> options)
{
    public const string ActAsHeader = "X-Glean-ActAs";

    public Task<SearchResponse?> SearchAsync(SearchRequest request, CancellationToken cancellationToken)
    {
        var current = options.CurrentValue;
        var headers = current.ClientTokenType == GleanClientTokenType.Global && !string.IsNullOrWhiteSpace(current.ValidationUser)
            ? new Dictionary<string, string>(StringComparer.Ordinal) { [ActAsHeader] = current.ValidationUser.Trim() }
            : [];
        return GleanHttp.PostAsync<SearchResponse>(http, "rest/api/v1/search", GleanHttp.Json(request), current.ClientToken, "Glean:ClientToken", 1, headers, cancellationToken);
    }
}
