namespace DataOps.Functions.Catalog;

/// <summary>The ranked templates for one dataset type.</summary>
/// <param name="DatasetType">Wire name of the type.</param>
/// <param name="Recommended">The template provisioning would use, or null when none fits.</param>
/// <param name="Candidates">Every template of the type, best first.</param>
internal sealed record TypeRecommendation(string DatasetType, string? Recommended, IReadOnlyList<TemplateCandidate> Candidates);
