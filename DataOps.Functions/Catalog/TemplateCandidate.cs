namespace DataOps.Functions.Catalog;

/// <summary>One ranked template for a dataset type.</summary>
/// <param name="Rank">1 = best.</param>
/// <param name="TemplateId">The template.</param>
/// <param name="Name">Its display name.</param>
/// <param name="MatchKind">exact | industry_and_type | generic_type | other_industry_same_use_case | other_industry.</param>
/// <param name="Confidence">In [0, 1].</param>
/// <param name="Reason">Why it ranks here.</param>
/// <param name="Selectable">Whether provisioning would pick it automatically.</param>
internal sealed record TemplateCandidate(int Rank, string TemplateId, string Name, string MatchKind, double Confidence, string Reason, bool Selectable);
