namespace DataOps.MockData.Catalog;

/// <summary>The outcome of a template scan.</summary>
/// <param name="Scanned">Template files read.</param>
/// <param name="Valid">Files that produced a valid template.</param>
/// <param name="Registered">Templates new to the catalog.</param>
/// <param name="Updated">Templates whose file changed since the last scan.</param>
/// <param name="Unchanged">Templates already registered with the same content.</param>
/// <param name="Removed">Catalog entries whose file is gone or no longer valid.</param>
/// <param name="Invalid">Refused files with their reasons.</param>
public sealed record TemplateDiscoveryReport(int Scanned, int Valid, int Registered, int Updated, int Unchanged, int Removed, IReadOnlyList<TemplateProblem> Invalid)
{
    /// <summary>Each template registered, updated or removed by the scan.</summary>
    public IReadOnlyList<TemplateChange> Changes { get; init; } = [];
}

/// <summary>A change the scan made to the catalog.</summary>
/// <param name="TemplateId">The template.</param>
/// <param name="Change"><c>registered</c>, <c>updated</c> or <c>removed</c>.</param>
/// <param name="Version">Its version; null when removed.</param>
/// <param name="Industry">Its industry.</param>
/// <param name="DatasetType">Its dataset type (wire name); null when removed.</param>
/// <param name="ContentHash">The hash of its files (for a removal, of the files it had).</param>
public sealed record TemplateChange(string TemplateId, string Change, string? Version, string Industry, string? DatasetType, string? ContentHash)
{
    /// <summary>New to the catalog.</summary>
    public const string Registered = "registered";

    /// <summary>Its files changed.</summary>
    public const string Updated = "updated";

    /// <summary>Its files are gone or no longer valid.</summary>
    public const string Removed = "removed";
}
