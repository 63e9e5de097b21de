using System.Globalization;
using DataOps.Domain.Datasets;
using DataOps.Domain.Quality;

namespace DataOps.Domain.Templates;

/// <summary>
/// Checks a template's schema before it is used (template discovery reports these problems and skips the
/// template): field names unique and sane, constraints consistent and applicable to the field type, patterns
/// valid, relationships pointing at known fields and dataset types, and the canonical fields of the dataset type
/// (<see cref="CanonicalFields"/>) defined with a compatible type, <c>id</c> required.
/// </summary>
public static class TemplateSchemaRules
{
    /// <summary>Every problem found; empty when the schema is usable.</summary>
    public static IReadOnlyList<string> Problems(TemplateSchema schema, DatasetType datasetType)
    {
        ArgumentNullException.ThrowIfNull(schema);
        var problems = new List<string>();
        if (schema.Fields is null || schema.Fields.Count == 0)
        {
            problems.Add("schema defines no fields");
            return problems;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var field in schema.Fields)
        {
            if (string.IsNullOrWhiteSpace(field.Name) || field.Name.Any(char.IsControl) || field.Name.Trim() != field.Name)
            {
                problems.Add("a field has an empty or malformed name");
                continue;
            }

            if (!seen.Add(field.Name))
            {
                problems.Add($"field '{field.Name}' is defined more than once");
            }

            problems.AddRange(FieldProblems(field));
        }

        foreach (var relationship in schema.Relationships ?? [])
        {
            if (schema.Find(relationship.Field) is null)
            {
                problems.Add($"relationship refers to undefined field '{relationship.Field}'");
            }

            if (!WireNames.TryParse<DatasetType>(relationship.TargetDatasetType, out _))
            {
                problems.Add($"relationship from '{relationship.Field}' targets unknown dataset type '{relationship.TargetDatasetType}'");
            }

            if (string.IsNullOrWhiteSpace(relationship.TargetField))
            {
                problems.Add($"relationship from '{relationship.Field}' names no target field");
            }
        }

        foreach (var canonical in CanonicalFields.For(datasetType))
        {
            var field = schema.Find(canonical.Name);
            if (field is null)
            {
                problems.Add($"canonical field '{canonical.Name}' of {datasetType.ToWireName()} is missing");
            }
            else if (!canonical.AllowedTypes.Contains(field.Type))
            {
                problems.Add($"canonical field '{canonical.Name}' must be {string.Join(" or ", canonical.AllowedTypes.Select(t => t.ToWireName()))}, not {field.Type.ToWireName()}");
            }
        }

        if (schema.Find("id") is { Required: false })
        {
            problems.Add("field 'id' must be required");
        }

        return problems;
    }

    private static IEnumerable<string> FieldProblems(FieldDefinition field)
    {
        if (!Enum.IsDefined(field.Type))
        {
            yield return $"field '{field.Name}' has an unknown type";
            yield break;
        }

        var hasLength = field.Type is FieldType.String or FieldType.Text or FieldType.Email or FieldType.Url or FieldType.StringList;
        var isNumber = field.Type is FieldType.Integer or FieldType.Number;
        if ((field.MaxLength is not null || field.MinLength is not null) && !hasLength)
        {
            yield return $"field '{field.Name}' has a length constraint but is {field.Type.ToWireName()}";
        }

        if (field.MaxLength is < 0 || field.MinLength is < 0 || (field.MaxLength is { } max && field.MinLength is { } min && min > max))
        {
            yield return $"field '{field.Name}' has inconsistent length constraints";
        }

        if ((field.Minimum is not null || field.Maximum is not null) && !isNumber)
        {
            yield return $"field '{field.Name}' has a numeric bound but is {field.Type.ToWireName()}";
        }

        if (field.Minimum is { } lo && field.Maximum is { } hi && lo > hi)
        {
            yield return string.Format(CultureInfo.InvariantCulture, "field '{0}' has minimum {1} above maximum {2}", field.Name, lo, hi);
        }

        if (field.AllowedValues is { } allowed && (allowed.Count == 0 || allowed.Distinct(StringComparer.Ordinal).Count() != allowed.Count))
        {
            yield return $"field '{field.Name}' has an empty or repetitive list of allowed values";
        }

        if ((field.AllowedValues is not null || field.Pattern is not null) && !hasLength)
        {
            yield return $"field '{field.Name}' has allowed values or a pattern but is {field.Type.ToWireName()}";
        }

        if (field.Pattern is { } pattern && !IsValidPattern(pattern))
        {
            yield return $"field '{field.Name}' has an invalid pattern";
        }
    }

    private static bool IsValidPattern(string pattern)
    {
        try
        {
            _ = FieldValueRules.CompilePattern(pattern);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
