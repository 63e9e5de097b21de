namespace DataOps.Functions.Catalog;

/// <summary>The templates, as <c>GET /api/templates</c> answers.</summary>
/// <param name="Items">Each template matching the filters.</param>
/// <param name="Count">How many there are.</param>
internal sealed record TemplateList(IReadOnlyList<TemplateSummary> Items, int Count);
