namespace DataOps.Domain.Templates;

/// <summary>A field every template of a dataset type must define, because downstream code (Glean document transformers) relies on it.</summary>
/// <param name="Name">Field name.</param>
/// <param name="AllowedTypes">Field types that satisfy it (e.g. a body may be String or Text).</param>
/// <param name="Optional">Whether records may leave it empty (it must still be defined).</param>
public sealed record CanonicalField(string Name, IReadOnlyList<FieldType> AllowedTypes, bool Optional = false);
