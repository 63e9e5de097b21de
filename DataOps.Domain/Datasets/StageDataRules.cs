using DataOps.Domain.Common;

namespace DataOps.Domain.Datasets;

/// <summary>
/// What data each stage gets and how many records: sandbox is generated from a mock template, pilot comes
/// from a sanitized export, production is never populated by the product (connector config and validation only).
/// </summary>
public static class StageDataRules
{
    /// <summary>Sandbox record counts per dataset type (Decisions table); <c>custom</c> has none and takes its template's.</summary>
    public static IReadOnlyDictionary<DatasetType, int> SandboxRecordCounts { get; } = new Dictionary<DatasetType, int>
    {
        [DatasetType.ConfluencePages] = 500,
        [DatasetType.GithubRepos] = 50,
        [DatasetType.SlackMessages] = 2000,
        [DatasetType.JiraIssues] = 300,
    };

    /// <summary>The only data source allowed for a stage.</summary>
    public static DataSource DataSourceFor(Stage stage) => stage switch
    {
        Stage.Sandbox => DataSource.MockTemplate,
        Stage.Pilot => DataSource.SanitizedExport,
        Stage.Production => DataSource.None,
        _ => throw new ArgumentOutOfRangeException(nameof(stage), stage, "Unknown stage."),
    };

    /// <summary>Whether the product uploads records for the stage (false for production).</summary>
    public static bool IsPopulatedByProduct(Stage stage) => DataSourceFor(stage) != DataSource.None;

    /// <summary>Whether a dataset of the stage must name the template its records come from (sandbox only).</summary>
    public static bool RequiresTemplate(Stage stage) => DataSourceFor(stage) == DataSource.MockTemplate;

    /// <summary>The built-in default record count of a dataset type; null for <c>custom</c>, which only its template defines.</summary>
    public static int? DefaultRecordCount(DatasetType datasetType)
        => SandboxRecordCounts.TryGetValue(datasetType, out var count) ? count : null;

    /// <summary>
    /// The number of sandbox records to generate: the template's default when it declares one (templates may
    /// override), otherwise the type default. Throws <see cref="DomainValidationException"/> for <c>custom</c>
    /// without a template count, or for a non-positive template count.
    /// </summary>
    public static int RecordCountFor(DatasetType datasetType, int? templateDefaultRecordCount)
    {
        if (templateDefaultRecordCount is { } fromTemplate)
        {
            return fromTemplate > 0
                ? fromTemplate
                : throw new DomainValidationException("defaultRecordCount", "must be greater than zero");
        }

        return DefaultRecordCount(datasetType)
            ?? throw new DomainValidationException("defaultRecordCount", "a custom dataset takes its record count from its template, which declares none");
    }
}
