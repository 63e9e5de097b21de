using DataOps.Domain.Datasets;
using DataOps.Domain.Templates;
using DataOps.MockData;
using DataOps.MockData.Catalog;
using DataOps.MockData.Templates;
using Microsoft.Extensions.Options;

namespace DataOps.Functions.Catalog;

/// <summary>
/// The template catalog API, independent of the trigger host: list with filters, get one with sample data,
/// recommend (ranked with reasons and confidence) and rescan. Bad input gives 400 problem details naming each
/// field; nothing is read or written for a bad request.
/// </summary>
public sealed class TemplateCatalogHandlers(TemplateCatalogStore store, TemplateDiscoveryService discovery, IOptions<MockDataOptions> options)
{
    /// <summary><c>GET /api/templates?industry=&amp;useCase=&amp;datasetType=</c>.</summary>
    public async Task<IResult> ListAsync(string? industry, string? useCase, string? datasetType, CancellationToken cancellationToken)
    {
        var filters = TemplateRequestValidator.Filters(industry, useCase, datasetType);
        if (filters.Errors.Count > 0)
        {
            return TypedResults.ValidationProblem(filters.Errors, title: "Invalid template filter");
        }

        var entries = await store.ListAsync(filters.Industry, filters.UseCase, filters.DatasetType, cancellationToken);
        return Results.Ok(new TemplateList([.. entries.Select(TemplateSummary.From)], entries.Count));
    }

    /// <summary><c>GET /api/templates/{id}</c>.</summary>
    public async Task<IResult> GetAsync(string? id, CancellationToken cancellationToken)
    {
        if (TemplateRequestValidator.TemplateIdError(id) is { } error)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["id"] = [error] }, title: "Invalid template id");
        }

        var entry = await store.GetAsync(id!, cancellationToken);
        return entry is null
            ? Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Template not found", detail: $"No template '{id}' is registered; POST /api/templates/discover rescans the template tree.")
            : Results.Ok(TemplateDetail.From(entry));
    }

    /// <summary><c>POST /api/templates/recommend</c> with <c>{industry, useCase, datasetTypes?}</c>; 413 over <see cref="TemplateRequestValidator.MaxBodyBytes"/>.</summary>
    public async Task<IResult> RecommendAsync(ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
    {
        if (body.Length > TemplateRequestValidator.MaxBodyBytes)
        {
            return Results.Problem(
                statusCode: StatusCodes.Status413PayloadTooLarge,
                title: "Payload too large",
                detail: $"A recommendation request is at most {TemplateRequestValidator.MaxBodyBytes} bytes.");
        }

        var (request, errors) = TemplateRequestValidator.Recommend(body);
        if (request is null)
        {
            return TypedResults.ValidationProblem(errors, title: "Invalid recommendation request");
        }

        var entries = await store.ListAsync(null, null, null, cancellationToken);
        var names = entries.ToDictionary(e => e.Id, e => e.Metadata.Name, StringComparer.Ordinal);
        var descriptors = entries.Select(e => e.Metadata.ToDescriptor()).ToList();
        var results = request.DatasetTypes.Select(type =>
        {
            var ranked = TemplateSelector.Rank(descriptors, request.Industry, request.UseCase, type);
            var candidates = ranked.Select((r, i) => new TemplateCandidate(
                i + 1, r.Template.Id.Value, names[r.Template.Id.Value], r.MatchKind.ToWireName(), r.Confidence, r.Reason, r.IsSelectable)).ToArray();
            return new TypeRecommendation(type.ToWireName(), candidates.FirstOrDefault(c => c.Selectable)?.TemplateId, candidates);
        }).ToArray();
        return Results.Ok(new RecommendationResponse(request.Industry.ToWireName(), request.UseCase.Value, results));
    }

    /// <summary>
    /// <c>POST /api/templates/discover</c>: rescans the tree; idempotent. What it changes reaches the catalog's observers
    /// (<see cref="TemplateChangePublisher"/> audits and publishes it).
    /// </summary>
    public async Task<IResult> DiscoverAsync(CancellationToken cancellationToken)
    {
        var root = TemplateRootLocator.Resolve(options.Value.TemplateRoot, AppContext.BaseDirectory);
        return Results.Ok(await discovery.DiscoverAsync(root, cancellationToken));
    }
}
