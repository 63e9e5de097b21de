namespace DataOps.MockData.Catalog;

/// <summary>The outcome of a template scan.</summary>
/// <param name="Scanned">Template files read.</param>
/// <param name="Valid">Files that produced a valid template.</param>
/// <param name="Registered">Templates new to the catalog.</param>
/// <param name="Updated">Templates whose file changed since the last scan.</param>
/// <param name="Unchanged">Templates already registered with the same content.</param>
/// <param name="Removed">Catalog entries whose file is gone or no longer valid.</param>
/// <param name="Invalid">Refused files with their reasons.</param>
public sealed record TemplateDiscoveryReport(int Scanned, int Valid, int Registered, int Updated, int Unchanged, int Removed, IReadOnlyList<TemplateProblem> Invalid);
