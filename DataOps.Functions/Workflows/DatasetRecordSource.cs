using DataOps.Domain.Datasets;
using DataOps.Domain.Templates;
using DataOps.Functions.MockData.Generation;
using DataOps.Functions.MockData.Templates;

namespace DataOps.Functions.Workflows;

/// <summary>
/// The records a dataset holds, reproducible at any time: sandbox records are regenerated from the template with the
/// client's seed and the dataset's creation time (byte-identical every time), production datasets hold none. Population,
/// the schema and completeness checks and the archive sample all read them from here.
/// </summary>
public sealed class DatasetRecordSource(TemplateSource templates, MockDataGenerator generator)
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

    /// <summary>The schema the dataset's records must meet; null when it has no template.</summary>
    public TemplateSchema? SchemaFor(Dataset dataset) => TemplateFor(dataset)?.Schema;

    /// <summary>How many records the dataset should hold.</summary>
    public long ExpectedCount(Dataset dataset)
        => dataset.DataSource switch
        {
            DataSource.MockTemplate => MockDataGenerator.RecordCountFor(TemplateFor(dataset)!, null),
            DataSource.None => 0,
            _ => dataset.RecordCount,
        };

    /// <summary>The records, lazily.</summary>
    public IEnumerable<IReadOnlyDictionary<string, object?>> Records(Dataset dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        return dataset.DataSource switch
        {
            DataSource.MockTemplate => generator.Generate(TemplateFor(dataset)!, new GenerationRequest(dataset.ClientId.Value, null, dataset.CreatedAt)),
            DataSource.None => [],
            _ => throw new NotSupportedException($"Dataset '{dataset.Id.Value}': records from {dataset.DataSource.ToWireName()} are read by the pilot export reader."),
        };
    }
}
