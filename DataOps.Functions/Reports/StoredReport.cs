namespace DataOps.Functions.Reports;

/// <summary>Where a produced report went.</summary>
/// <param name="Report">The report's name.</param>
/// <param name="Date">Its date, <c>yyyy-MM-dd</c>.</param>
/// <param name="GeneratedAt">When it was produced.</param>
/// <param name="Rows">How many rows it holds.</param>
/// <param name="Container">The blob container.</param>
/// <param name="JsonBlob">The JSON blob's name in the container.</param>
/// <param name="CsvBlob">The CSV blob's name in the container.</param>
public sealed record StoredReport(string Report, string Date, DateTimeOffset GeneratedAt, int Rows, string Container, string JsonBlob, string CsvBlob);
