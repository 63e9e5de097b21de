namespace DataOps.Domain.Templates;

/// <summary>One field of a template schema and its constraints.</summary>
/// <param name="Name">Field name as it appears in records.</param>
/// <param name="Type">Value type.</param>
/// <param name="Required">Whether every record must carry a non-null, non-empty value.</param>
/// <param name="MaxLength">Maximum length of a string value (or item count of a list).</param>
/// <param name="MinLength">Minimum length of a string value (or item count of a list).</param>
/// <param name="AllowedValues">When set, the value (or each list item) must be one of these.</param>
/// <param name="Pattern">When set, a string value must fully match this regular expression.</param>
/// <param name="Minimum">Inclusive lower bound of a number.</param>
/// <param name="Maximum">Inclusive upper bound of a number.</param>
public sealed record FieldDefinition(
    string Name,
    FieldType Type,
    bool Required,
    int? MaxLength = null,
    int? MinLength = null,
    IReadOnlyList<string>? AllowedValues = null,
    string? Pattern = null,
    double? Minimum = null,
    double? Maximum = null);
