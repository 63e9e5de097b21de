namespace DataOps.Functions.Reports;

/// <summary>
/// A produced report as stored in <c>{name}/{yyyy-MM-dd}.json</c> and downloaded as JSON; the CSV beside it holds the
/// same rows under the same columns.
/// </summary>
/// <param name="Report">The report's name.</param>
/// <param name="Title">What it answers.</param>
/// <param name="Date">The day it was produced for (UTC), <c>yyyy-MM-dd</c>.</param>
/// <param name="GeneratedAt">When it was produced.</param>
/// <param name="Summary">Its totals by name.</param>
/// <param name="Columns">The columns of its rows, in order.</param>
/// <param name="Rows">Its rows, each an object keyed by column.</param>
public sealed record ReportDocument(
    string Report,
    string Title,
    string Date,
    DateTimeOffset GeneratedAt,
    IReadOnlyDictionary<string, object?> Summary,
    IReadOnlyList<string> Columns,
    IReadOnlyList<IReadOnlyDictionary<string, object?>> Rows)
{
    /// <summary>The document of <paramref name="content"/>, produced at <paramref name="generatedAt"/>.</summary>
    public static ReportDocument From(ReportDefinition definition, DateTimeOffset generatedAt, ReportContent content)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(content);
        var summary = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (name, value) in content.Summary)
        {
            summary[name] = value;
        }

        var rows = content.Rows.Select(values =>
        {
            var row = new Dictionary<string, object?>(StringComparer.Ordinal);
            for (var i = 0; i < content.Columns.Count; i++)
            {
                row[content.Columns[i]] = values[i];
            }

            return (IReadOnlyDictionary<string, object?>)row;
        }).ToList();
        return new ReportDocument(definition.Name, definition.Title, ReportDates.Format(generatedAt), generatedAt, summary, content.Columns, rows);
    }
}
