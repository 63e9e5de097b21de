using DataOps.Domain.Datasets;
using DataOps.Domain.Templates;
using DataOps.MockData.Generation;
using DataOps.MockData.Sanitization;
using DataOps.MockData.Templates;

namespace DataOps.Functions.Provisioning;

/// <summary>
/// Where a dataset's records come from and what they must meet: sandbox records are generated from the template with
/// the client's seed and the dataset's creation time, pilot records are the client's export sanitized, production
/// datasets hold none. Only staging reads the records from here (<see cref="DatasetStaging"/>, once per attempt); the
/// checks and the archive read the staged copy.
/// </summary>
internal sealed class DatasetRecordSource(TemplateSource templates, MockDataGenerator generator, PilotDataSanitizer sanitizer)
{
    /// <summary>The dataset's template; null for stages that use none.</summary>
    public MockTemplate? TemplateFor(Dataset dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        if (dataset.TemplateId is not { } id)
        {
            return null;
        }

        return templates.Library.Find(id.Value)
            ?? throw new InvalidOperationException($"Template '{id.Value}' of dataset '{dataset.Id.Value}' is not in the template library.");
    }

    /// <summary>
    /// The schema the dataset's records must meet; null when it has no template. Pilot records come from the client's
    /// own systems, so they are held to the template's shape (fields, types, required) but not to the value rules
    /// written for its mock vocabulary (enums, patterns, lengths, ranges).
    /// </summary>
    public TemplateSchema? SchemaFor(Dataset dataset)
    {
        var schema = TemplateFor(dataset)?.Schema;
        if (schema is null || dataset.DataSource != DataSource.SanitizedExport)
        {
            return schema;
        }

        return schema with
        {
            Fields = schema.Fields.Select(f => f with { AllowedValues = null, Pattern = null, MinLength = null, MaxLength = null, Minimum = null, Maximum = null }).ToArray(),
        };
    }

    /// <summary>
    /// How many records the dataset should hold: the template's count for mock data; for pilot data, the number of
    /// records staged from the export (<paramref name="stagedCount"/>, as the copy was written).
    /// </summary>
    public long ExpectedCount(Dataset dataset, long stagedCount)
        => dataset.DataSource switch
        {
            DataSource.MockTemplate => MockDataGenerator.RecordCountFor(TemplateFor(dataset)!, null),
            DataSource.SanitizedExport => stagedCount,
            _ => 0,
        };

    /// <summary>
    /// The records from their source: generated for sandbox (deterministic), read from the client's pilot export and
    /// sanitized for pilot (the export may change between reads: that is why an attempt reads it once and stages it),
    /// none for production.
    /// </summary>
    public async Task<IReadOnlyList<IReadOnlyDictionary<string, object?>>> LoadAsync(Dataset dataset, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        switch (dataset.DataSource)
        {
            case DataSource.MockTemplate:
                return generator.Generate(TemplateFor(dataset)!, new GenerationRequest(dataset.ClientId.Value, null, dataset.CreatedAt)).ToList();
            case DataSource.SanitizedExport:
                var records = new List<IReadOnlyDictionary<string, object?>>();
                await foreach (var record in sanitizer.SanitizeExportAsync(dataset.ClientId.Value, dataset.Type, new PilotSanitizationReport(), cancellationToken).ConfigureAwait(false))
                {
                    records.Add(record);
                }

                return records;
            default:
                return [];
        }
    }
}
