using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using DataOps.Domain.Datasets;
using DataOps.Domain.Templates;

namespace DataOps.MockData.Templates;

/// <summary>Reads the <c>schema</c> section of a template, collecting every problem with its JSON location.</summary>
internal static class SchemaReader
{
    /// <summary>Reads the schema; problems are added to <paramref name="errors"/> and the bad fields left out.</summary>
    public static TemplateSchema Read(JsonElement schema, List<string> errors)
    {
        var fields = new List<FieldDefinition>();
        if (!schema.TryGetProperty("fields", out var fieldsElement) || fieldsElement.ValueKind != JsonValueKind.Array)
        {
            errors.Add("schema.fields: required array is missing");
            return new TemplateSchema(fields, []);
        }

        var index = 0;
        foreach (var element in fieldsElement.EnumerateArray())
        {
            var field = ReadField(element, $"schema.fields[{index++}]", errors);
            if (field is null)
            {
                continue;
            }

            if (fields.Any(f => f.Name == field.Name))
            {
                errors.Add($"schema.fields: field '{field.Name}' is declared twice");
                continue;
            }

            fields.Add(field);
        }

        return new TemplateSchema(fields, ReadRelationships(schema, fields, errors));
    }

    private static FieldDefinition? ReadField(JsonElement element, string at, List<string> errors)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            errors.Add($"{at}: must be an object");
            return null;
        }

        var name = TemplateJson.String(element, "name");
        if (string.IsNullOrWhiteSpace(name))
        {
            errors.Add($"{at}.name: required");
            return null;
        }

        var typeName = TemplateJson.String(element, "type");
        if (!WireNames.TryParse<FieldType>(typeName, out var type))
        {
            errors.Add($"{at}.type: unknown field type '{typeName}' for '{name}'; expected one of {string.Join(", ", WireNames.AllowedNames<FieldType>())}");
            return null;
        }

        var count = errors.Count;
        var field = new FieldDefinition(
            name,
            type.Value,
            TemplateJson.Bool(element, "required", $"{at}.required", errors) ?? false,
            TemplateJson.Int(element, "max_length", $"{at}.max_length", errors),
            TemplateJson.Int(element, "min_length", $"{at}.min_length", errors),
            TemplateJson.StringArray(element, "enum", $"{at}.enum", errors),
            TemplateJson.String(element, "pattern"),
            TemplateJson.Double(element, "minimum", $"{at}.minimum", errors),
            TemplateJson.Double(element, "maximum", $"{at}.maximum", errors));
        CheckConstraints(field, at, errors);
        return errors.Count == count ? field : null;
    }

    private static void CheckConstraints(FieldDefinition field, string at, List<string> errors)
    {
        if (field.MinLength is < 0 || field.MaxLength is < 0 || field.MinLength > field.MaxLength)
        {
            errors.Add($"{at}: min_length/max_length of '{field.Name}' are negative or min_length > max_length");
        }

        if (field.Minimum > field.Maximum)
        {
            errors.Add($"{at}: minimum of '{field.Name}' is greater than its maximum");
        }

        if (field.AllowedValues is { Count: 0 })
        {
            errors.Add($"{at}.enum: '{field.Name}' declares an empty enum");
        }

        if (field.Pattern is not null)
        {
            try
            {
                _ = new Regex(field.Pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
            }
            catch (ArgumentException ex)
            {
                errors.Add(string.Format(CultureInfo.InvariantCulture, "{0}.pattern: '{1}' is not a valid regular expression ({2})", at, field.Name, ex.Message));
            }
        }
    }

    private static List<SchemaRelationship> ReadRelationships(JsonElement schema, List<FieldDefinition> fields, List<string> errors)
    {
        var relationships = new List<SchemaRelationship>();
        if (!schema.TryGetProperty("relationships", out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return relationships;
        }

        if (element.ValueKind != JsonValueKind.Array)
        {
            errors.Add("schema.relationships: must be an array");
            return relationships;
        }

        var index = 0;
        foreach (var item in element.EnumerateArray())
        {
            var at = $"schema.relationships[{index++}]";
            var field = item.ValueKind == JsonValueKind.Object ? TemplateJson.String(item, "field") : null;
            var target = item.ValueKind == JsonValueKind.Object ? TemplateJson.String(item, "target_dataset_type") : null;
            var targetField = item.ValueKind == JsonValueKind.Object ? TemplateJson.String(item, "target_field") : null;
            if (field is null || targetField is null || !WireNames.TryParse<DatasetType>(target, out _))
            {
                errors.Add($"{at}: needs 'field', 'target_field' and a known 'target_dataset_type'");
            }
            else if (fields.All(f => f.Name != field))
            {
                errors.Add($"{at}.field: '{field}' is not a declared field");
            }
            else
            {
                relationships.Add(new SchemaRelationship(field, target!, targetField));
            }
        }

        return relationships;
    }
}
