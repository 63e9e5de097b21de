using DataOps.Functions.Http;
using Microsoft.Azure.Functions.Worker;

namespace DataOps.Functions.Catalog;

/// <summary>
/// The template catalog over HTTP: <c>GET /api/templates</c>, <c>GET /api/templates/{id}</c>,
/// <c>POST /api/templates/recommend</c>, <c>POST /api/templates/discover</c>. Thin: map the request, call the handlers.
/// </summary>
public sealed class TemplateFunctions(TemplateCatalogHandlers handlers)
{
    /// <summary>Lists templates; empty query values mean "any".</summary>
    [Function("ListTemplates")]
    public Task<IResult> List(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "templates")] HttpRequest request,
        CancellationToken cancellationToken)
        => handlers.ListAsync(Query(request, "industry"), Query(request, "useCase"), Query(request, "datasetType"), cancellationToken);

    /// <summary>One template with its schema, sample data and statistics.</summary>
    [Function("GetTemplate")]
    public Task<IResult> Get(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "templates/{id}")] HttpRequest request,
        string id,
        CancellationToken cancellationToken)
    {
        _ = request;
        return handlers.GetAsync(id, cancellationToken);
    }

    /// <summary>Ranked templates per dataset type for an industry and use case.</summary>
    [Function("RecommendTemplates")]
    public async Task<IResult> Recommend(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "templates/recommend")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (JsonBody.RequireJsonContentType(request) is { } unsupported)
        {
            return unsupported;
        }

        // One byte over the limit is enough to tell an oversized body from one that fits.
        var buffer = new byte[TemplateRequestValidator.MaxBodyBytes + 1];
        var length = 0;
        int read;
        while (length < buffer.Length && (read = await request.Body.ReadAsync(buffer.AsMemory(length), cancellationToken)) > 0)
        {
            length += read;
        }

        return await handlers.RecommendAsync(buffer.AsMemory(0, length), cancellationToken);
    }

    /// <summary>Rescans the template tree into the catalog (idempotent).</summary>
    [Function("DiscoverTemplates")]
    public Task<IResult> Discover(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "templates/discover")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        _ = request;
        return handlers.DiscoverAsync(cancellationToken);
    }

    private static string? Query(HttpRequest request, string name)
        => request.Query.TryGetValue(name, out var values) && !string.IsNullOrEmpty(values.ToString()) ? values.ToString() : null;
}
