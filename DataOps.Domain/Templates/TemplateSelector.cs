using DataOps.Domain.Datasets;

namespace DataOps.Domain.Templates;

/// <summary>
/// Template selection rule (DDD-003): match the client's industry, use case and dataset type; fall back to the
/// industry's template of the type, then to the generic template of the type. Ties go to the highest version,
/// then to the lowest id (ordinal), so the choice is deterministic.
/// </summary>
public static class TemplateSelector
{
    /// <summary>
    /// Picks the template for a request, or null when not even a generic template of the dataset type exists.
    /// </summary>
    public static TemplateRecommendation? Select(IEnumerable<TemplateDescriptor> candidates, Industry industry, UseCase useCase, DatasetType datasetType)
    {
        var ranked = Rank(candidates, industry, useCase, datasetType);
        return ranked.Count > 0 && ranked[0].IsSelectable ? ranked[0] : null;
    }

    /// <summary>
    /// Every candidate of the dataset type, best first, each with its match kind, confidence and reason
    /// (templates of other dataset types are left out). Used for recommendations.
    /// </summary>
    public static IReadOnlyList<TemplateRecommendation> Rank(IEnumerable<TemplateDescriptor> candidates, Industry industry, UseCase useCase, DatasetType datasetType)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        var requested = $"{industry.ToWireName()}/{useCase.Value}/{datasetType.ToWireName()}";
        return candidates
            .Where(t => t.DatasetType == datasetType)
            .Select(t => Classify(t, industry, useCase, requested))
            .OrderBy(r => r.MatchKind)
            .ThenByDescending(r => r.Template.Version, TemplateVersionComparer.Instance)
            .ThenBy(r => r.Template.Id.Value, StringComparer.Ordinal)
            .ToArray();
    }

    private static TemplateRecommendation Classify(TemplateDescriptor template, Industry industry, UseCase useCase, string requested)
    {
        var sameUseCase = template.UseCase == useCase;
        if (template.Industry == industry)
        {
            return sameUseCase
                ? new(template, TemplateMatchKind.Exact, 1.0, $"exact match for {requested}: {template.Key} v{template.Version}")
                : new(template, TemplateMatchKind.IndustryAndType, 0.75, $"no {industry.ToWireName()} template for use case '{useCase.Value}'; using the {industry.ToWireName()} template {template.Key} v{template.Version}");
        }

        if (template.Industry == Industry.Generic)
        {
            return new(template, TemplateMatchKind.GenericType, 0.5, $"no {industry.ToWireName()} template for {template.DatasetType.ToWireName()}; using the generic template {template.Key} v{template.Version}");
        }

        return sameUseCase
            ? new(template, TemplateMatchKind.OtherIndustrySameUseCase, 0.3, $"template of another industry for the same use case: {template.Key} v{template.Version}")
            : new(template, TemplateMatchKind.OtherIndustry, 0.1, $"template of another industry: {template.Key} v{template.Version}");
    }
}
