namespace DataOps.MockData.Templates;

/// <summary>The outcome of reading one template file: the template, or the reasons it was refused.</summary>
/// <param name="SourcePath">Path of the file relative to the template root.</param>
/// <param name="Template">The template when valid; null otherwise.</param>
/// <param name="Errors">Why the file was refused (each naming the JSON location); empty when valid.</param>
public sealed record TemplateParseResult(string SourcePath, MockTemplate? Template, IReadOnlyList<string> Errors)
{
    /// <summary>Whether the file produced a valid template.</summary>
    public bool IsValid => Template is not null && Errors.Count == 0;

    /// <summary>SHA-256 of the file bytes (lower-case hex); empty when the file could not be read.</summary>
    public string ContentHash { get; init; } = string.Empty;
}
