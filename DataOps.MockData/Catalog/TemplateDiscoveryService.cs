using DataOps.MockData.Generation;
using DataOps.MockData.Templates;
using DataOps.Domain.Quality;
using DataOps.Domain.Datasets;

namespace DataOps.MockData.Catalog;

/// <summary>
/// Scans the template tree, validates every file (structure, schema, samples, and a generated preview that must
/// pass the schema check), computes statistics and reconciles the catalog: new and changed templates are
/// upserted, entries whose file is gone or broken are removed, unchanged ones are left alone. Running it twice
/// on the same tree changes nothing the second time. A bad file is reported and skipped, never fatal.
/// </summary>
/// <remarks>The changes it makes are handed to every registered <see cref="ITemplateCatalogObserver"/>.</remarks>
public sealed class TemplateDiscoveryService(TemplateCatalogStore store, TemplateLibrary library, ILogger<TemplateDiscoveryService> logger, IEnumerable<ITemplateCatalogObserver>? observers = null)
{
    /// <summary>Generated records analysed per template (bounded by the template's own count).</summary>
    public const int PreviewRecords = 200;

    /// <summary>Bumped when what the catalog stores per template changes, so a rescan rewrites every entry.</summary>
    private const string CatalogFormat = "catalog-v1";

    private const string PreviewClient = "catalog-preview";

    private static readonly DateTimeOffset PreviewBaseDate = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly MockDataGenerator _generator = new();

    /// <summary>Scans <paramref name="root"/> and reconciles the catalog.</summary>
    public async Task<TemplateDiscoveryReport> DiscoverAsync(string root, CancellationToken cancellationToken)
    {
        var problems = new List<TemplateProblem>();
        var entries = new Dictionary<string, (CatalogEntry Entry, MockTemplate Template)>(StringComparer.Ordinal);
        var scanned = 0;
        foreach (var result in TemplateScanner.Scan(root))
        {
            cancellationToken.ThrowIfCancellationRequested();
            scanned++;
            TemplateStatistics? statistics = null;
            var errors = result.IsValid ? Analyse(result.Template!, out statistics) : [.. result.Errors];
            if (errors.Count == 0 && entries.TryGetValue(result.Template!.Id, out var other))
            {
                errors.Add($"template id '{result.Template.Id}' is already defined by {other.Entry.SourcePath}");
            }

            if (errors.Count > 0)
            {
                if (logger.IsEnabled(LogLevel.Warning))
                {
                    logger.LogWarning("Template {Path} skipped: {Errors}", result.SourcePath, string.Join("; ", errors));
                }

                problems.Add(new TemplateProblem(result.SourcePath, errors));
                continue;
            }

            var template = result.Template!;
            var entry = new CatalogEntry(template.Metadata, MockDataGenerator.RecordCountFor(template, null), template.Schema, template.SchemaInferred,
                template.SampleRecords, statistics!, template.SourcePath, $"{CatalogFormat}:{result.ContentHash}");
            entries[template.Id] = (entry, template);
        }

        // The generator can work from the files even when the catalog table cannot be reached.
        library.Replace(entries.Values.Select(v => v.Template));
        var report = await ReconcileAsync(entries.Values.Select(v => v.Entry).ToList(), cancellationToken);
        if (report.Changes.Count > 0)
        {
            foreach (var observer in observers ?? [])
            {
                await observer.CatalogChangedAsync(report.Changes, cancellationToken);
            }
        }

        if (logger.IsEnabled(LogLevel.Information))
        {
            logger.LogInformation(
                "Template discovery: {Scanned} scanned, {Valid} valid, {Registered} registered, {Updated} updated, {Unchanged} unchanged, {Removed} removed, {Invalid} invalid",
                scanned, entries.Count, report.Registered, report.Updated, report.Unchanged, report.Removed, problems.Count);
        }

        return report with { Scanned = scanned, Valid = entries.Count, Invalid = problems };
    }

    private List<string> Analyse(MockTemplate template, out TemplateStatistics? statistics)
    {
        statistics = null;
        var errors = new List<string>();
        var calculator = new TemplateStatisticsCalculator(template.Schema);
        foreach (var record in template.SampleRecords)
        {
            calculator.Add(record);
        }

        List<IReadOnlyDictionary<string, object?>> preview;
        try
        {
            var count = Math.Min(PreviewRecords, MockDataGenerator.RecordCountFor(template, null));
            preview = _generator.Generate(template, new GenerationRequest(PreviewClient, count, PreviewBaseDate)).ToList();
        }
        catch (ArgumentException ex)
        {
            errors.Add($"records cannot be generated from this template: {ex.Message}");
            return errors;
        }

        var check = SchemaValidator.Evaluate(preview, template.Schema);
        if (!check.Passed)
        {
            errors.AddRange(check.Errors.Take(5).Select(e => $"generated records break the schema: {e}"));
            return errors;
        }

        foreach (var record in preview)
        {
            calculator.Add(record);
        }

        statistics = new TemplateStatistics(template.SampleRecords.Count, preview.Count, calculator.Result());
        return errors;
    }

    private async Task<TemplateDiscoveryReport> ReconcileAsync(IReadOnlyList<CatalogEntry> entries, CancellationToken cancellationToken)
    {
        var existing = (await store.ListKeysAsync(cancellationToken)).ToDictionary(k => k.Id, StringComparer.Ordinal);
        int registered = 0, updated = 0, unchanged = 0, removed = 0;
        var changes = new List<TemplateChange>();
        foreach (var entry in entries)
        {
            if (existing.TryGetValue(entry.Id, out var known) && known.Industry == entry.Metadata.Industry && known.ContentHash == entry.ContentHash)
            {
                unchanged++;
                continue;
            }

            await store.UpsertAsync(entry, cancellationToken);
            _ = known.Id is null ? registered++ : updated++;
            changes.Add(new TemplateChange(
                entry.Id, known.Id is null ? TemplateChange.Registered : TemplateChange.Updated, entry.Metadata.Version, entry.Metadata.Industry, entry.Metadata.DatasetType.ToWireName(), entry.ContentHash));
        }

        var current = entries.Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var stale in existing.Values.Where(k => !current.Contains(k.Id)))
        {
            await store.DeleteAsync(stale.Industry, stale.Id, cancellationToken);
            removed++;
            changes.Add(new TemplateChange(stale.Id, TemplateChange.Removed, null, stale.Industry, null, stale.ContentHash));
        }

        return new TemplateDiscoveryReport(0, 0, registered, updated, unchanged, removed, []) { Changes = changes };
    }
}
