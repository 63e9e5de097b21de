namespace DataOps.MockData.Catalog;

/// <summary>Statistics of one field over analysed records.</summary>
/// <param name="Name">Field name.</param>
/// <param name="Type">Wire name of the field type.</param>
/// <param name="FillRate">Share of records with a non-empty value, in [0, 1].</param>
/// <param name="AverageLength">Average characters (text) or items (lists) over non-empty values; null for other types.</param>
/// <param name="Distribution">Value counts for enum-like fields (declared enum, or few distinct short values); null otherwise.</param>
public sealed record FieldStatistics(string Name, string Type, double FillRate, double? AverageLength, IReadOnlyDictionary<string, int>? Distribution);
