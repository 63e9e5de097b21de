namespace DataOps.Functions.Reports;

/// <summary>
/// What a report builder computed: a few totals, and a table (its columns and rows, each row's values in column
/// order). Values are strings, whole numbers, numbers, booleans, times or null.
/// </summary>
/// <param name="Summary">Totals by name, in the order they are written.</param>
/// <param name="Columns">The table's column names.</param>
/// <param name="Rows">The table's rows.</param>
public sealed record ReportContent(IReadOnlyList<KeyValuePair<string, object?>> Summary, IReadOnlyList<string> Columns, IReadOnlyList<object?[]> Rows);
