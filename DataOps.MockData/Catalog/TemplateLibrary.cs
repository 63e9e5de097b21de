using DataOps.MockData.Templates;
using System.Collections.Frozen;
using DataOps.Domain.Datasets;
using DataOps.Domain.Templates;

namespace DataOps.MockData.Catalog;

/// <summary>
/// The valid templates of the last scan, in memory, for the generator. Replaced as a whole by each discovery,
/// so readers always see one consistent scan.
/// </summary>
public sealed class TemplateLibrary
{
    private FrozenDictionary<string, MockTemplate> _templates = FrozenDictionary<string, MockTemplate>.Empty;

    /// <summary>Every template, ordered by id.</summary>
    public IReadOnlyList<MockTemplate> All => [.. Volatile.Read(ref _templates).Values.OrderBy(t => t.Id, StringComparer.Ordinal)];

    /// <summary>Replaces the content with a scan's templates.</summary>
    public void Replace(IEnumerable<MockTemplate> templates)
        => Volatile.Write(ref _templates, templates.ToFrozenDictionary(t => t.Id, StringComparer.Ordinal));

    /// <summary>The template with the id, or null.</summary>
    public MockTemplate? Find(string templateId) => Volatile.Read(ref _templates).GetValueOrDefault(templateId);

    /// <summary>The template chosen for a request by the domain selection rule (exact > industry > generic), or null when none fits.</summary>
    public (MockTemplate Template, TemplateRecommendation Recommendation)? Select(Industry industry, UseCase useCase, DatasetType datasetType)
    {
        var templates = Volatile.Read(ref _templates);
        var choice = TemplateSelector.Select(templates.Values.Select(t => t.ToDescriptor()), industry, useCase, datasetType);
        return choice is null ? null : (templates[choice.Template.Id.Value], choice);
    }
}
