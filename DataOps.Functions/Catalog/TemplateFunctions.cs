using DataOps.Functions.Access;
using DataOps.Functions.Http;
using Microsoft.Azure.Functions.Worker;

namespace DataOps.Functions.Catalog;

/// <summary>
/// The template catalog over HTTP: <c>GET /api/templates</c>, <c>GET /api/templates/{id}</c>,
/// <c>POST /api/templates/recommend</c>, <c>POST /api/templates/discover</c>. Thin: map the request, call the handlers.
/// </summary>
public sealed class TemplateFunctions(TemplateCatalogHandlers handlers, RequestAccess access)
{
    /// <summary>Lists templates; empty query values mean "any".</summary>
    [Function("ListTemplates")]
    public async Task<IResult> List(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "templates")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        if ((await access.SignedInAsync(request)).Refusal is { } refusal)
        {
            return refusal;
        }

        return await handlers.ListAsync(Query(request, "industry"), Query(request, "useCase"), Query(request, "datasetType"), cancellationToken);
    }

    /// <summary>One template with its schema, sample data and statistics.</summary>
    [Function("GetTemplate")]
    public async Task<IResult> Get(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "templates/{id}")] HttpRequest request,
        string id,
        CancellationToken cancellationToken)
    {
        if ((await access.SignedInAsync(request)).Refusal is { } refusal)
        {
            return refusal;
        }

        return await handlers.GetAsync(id, cancellationToken);
    }

    /// <summary>Ranked templates per dataset type for an industry and use case.</summary>
    [Function("RecommendTemplates")]
    public async Task<IResult> Recommend(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "templates/recommend")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if ((await access.SignedInAsync(request)).Refusal is { } refusal)
        {
            return refusal;
        }

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

    /// <summary>Rescans the template tree into the catalog (idempotent); operators only, since it rewrites the catalog.</summary>
    [Function("DiscoverTemplates")]
    public async Task<IResult> Discover(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "templates/discover")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        if ((await access.RequireAsync(request, c => c.IsOperator, "rescan the template catalog")).Refusal is { } refusal)
        {
            return refusal;
        }

        return await handlers.DiscoverAsync(cancellationToken);
    }

    private static string? Query(HttpRequest request, string name)
        => request.Query.TryGetValue(name, out var values) && !string.IsNullOrEmpty(values.ToString()) ? values.ToString() : null;
}
