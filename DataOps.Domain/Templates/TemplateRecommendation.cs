namespace DataOps.Domain.Templates;

/// <summary>A template proposed for a request, with how it matched, a confidence in [0, 1] and a readable reason.</summary>
/// <param name="Template">The template.</param>
/// <param name="MatchKind">How it matched.</param>
/// <param name="Confidence">1.0 exact, 0.75 industry and type, 0.5 generic, 0.3 / 0.1 other industries.</param>
/// <param name="Reason">Why it was chosen, naming what was asked for and what was found.</param>
public sealed record TemplateRecommendation(TemplateDescriptor Template, TemplateMatchKind MatchKind, double Confidence, string Reason)
{
    /// <summary>Whether the template may be selected automatically (exact, industry and type, or generic).</summary>
    public bool IsSelectable => MatchKind is TemplateMatchKind.Exact or TemplateMatchKind.IndustryAndType or TemplateMatchKind.GenericType;
}
