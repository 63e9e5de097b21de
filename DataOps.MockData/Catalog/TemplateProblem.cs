namespace DataOps.MockData.Catalog;

/// <summary>A template file refused by discovery, with every reason.</summary>
/// <param name="Path">File path relative to the template root.</param>
/// <param name="Errors">Why it was refused.</param>
public sealed record TemplateProblem(string Path, IReadOnlyList<string> Errors);
