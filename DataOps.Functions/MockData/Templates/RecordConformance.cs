using System.Collections.Concurrent;
using System.Globalization;
using System.Text.RegularExpressions;
using DataOps.Domain.Templates;

namespace DataOps.Functions.MockData.Templates;

/// <summary>
/// Checks one record against a template schema (required, CLR type per <see cref="FieldType"/>, lengths, enum,
/// pattern, numeric bounds, e-mail and URL shape). Used to refuse templates whose sample records break their own
/// schema, and to prove generated records conform. Returns readable violations naming the field.
/// </summary>
public static class RecordConformance
{
    private static readonly ConcurrentDictionary<string, Regex> Patterns = new(StringComparer.Ordinal);

    /// <summary>Every violation of the record, empty when it conforms.</summary>
    public static IReadOnlyList<string> Check(IReadOnlyDictionary<string, object?> record, TemplateSchema schema)
    {
        var violations = new List<string>();
        foreach (var field in schema.Fields)
        {
            record.TryGetValue(field.Name, out var value);
            if (value is null || (value is string s && s.Length == 0) || (value is IReadOnlyList<string> { Count: 0 }))
            {
                if (field.Required)
                {
                    violations.Add($"'{field.Name}' is required");
                }

                continue;
            }

            CheckValue(field, value, violations);
        }

        return violations;
    }

    private static void CheckValue(FieldDefinition field, object value, List<string> violations)
    {
        switch (field.Type, value)
        {
            case (FieldType.String or FieldType.Text or FieldType.Email or FieldType.Url, string text):
                CheckText(field, text, violations);
                break;
            case (FieldType.Integer, long number):
                CheckBounds(field, number, violations);
                break;
            case (FieldType.Number, double or long):
                CheckBounds(field, Convert.ToDouble(value, CultureInfo.InvariantCulture), violations);
                break;
            case (FieldType.Boolean, bool):
            case (FieldType.DateTime, DateTimeOffset):
                break;
            case (FieldType.StringList, IReadOnlyList<string> items):
                CheckLength(field, items.Count, "items", violations);
                foreach (var item in items)
                {
                    CheckAllowed(field, item, violations);
                    CheckPattern(field, item, violations);
                }

                break;
            default:
                violations.Add($"'{field.Name}' must be {field.Type} but was {value.GetType().Name}");
                break;
        }
    }

    private static void CheckText(FieldDefinition field, string text, List<string> violations)
    {
        CheckLength(field, text.Length, "characters", violations);
        CheckAllowed(field, text, violations);
        CheckPattern(field, text, violations);
        if (field.Type == FieldType.Email && !FieldFormats.IsEmail(text))
        {
            violations.Add($"'{field.Name}' is not a valid e-mail address");
        }

        if (field.Type == FieldType.Url && !FieldFormats.IsHttpUrl(text))
        {
            violations.Add($"'{field.Name}' is not an absolute http(s) URL");
        }
    }

    private static void CheckLength(FieldDefinition field, int length, string unit, List<string> violations)
    {
        if (field.MaxLength is { } max && length > max)
        {
            violations.Add($"'{field.Name}' has {length} {unit}, more than the maximum {max}");
        }

        if (field.MinLength is { } min && length < min)
        {
            violations.Add($"'{field.Name}' has {length} {unit}, fewer than the minimum {min}");
        }
    }

    private static void CheckAllowed(FieldDefinition field, string value, List<string> violations)
    {
        if (field.AllowedValues is { } allowed && !allowed.Contains(value, StringComparer.Ordinal))
        {
            violations.Add($"'{field.Name}' value '{value}' is not one of: {string.Join(", ", allowed)}");
        }
    }

    private static void CheckPattern(FieldDefinition field, string value, List<string> violations)
    {
        if (field.Pattern is null)
        {
            return;
        }

        var regex = Patterns.GetOrAdd(field.Pattern, p => new Regex($"^(?:{p})$", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)));
        if (!regex.IsMatch(value))
        {
            violations.Add($"'{field.Name}' value '{value}' does not match the pattern {field.Pattern}");
        }
    }

    private static void CheckBounds(FieldDefinition field, double number, List<string> violations)
    {
        if (number < field.Minimum || number > field.Maximum)
        {
            violations.Add(string.Format(CultureInfo.InvariantCulture, "'{0}' value {1} is outside [{2}, {3}]", field.Name, number, field.Minimum, field.Maximum));
        }
    }
}
