using System.Globalization;
using System.Text.RegularExpressions;
using DataOps.Domain.Templates;

namespace DataOps.Domain.Quality;

/// <summary>
/// The CLR contract of <see cref="FieldType"/> and the constraints of <see cref="FieldDefinition"/>, checked for
/// one value. A value is "present" when it is not null, not a blank string and not an empty list.
/// </summary>
public static partial class FieldValueRules
{
    /// <summary>Whether a value counts as filled in for a required field.</summary>
    public static bool IsPresent(object? value) => value switch
    {
        null => false,
        string s => !string.IsNullOrWhiteSpace(s),
        IReadOnlyList<string> list => list.Count > 0,
        _ => true,
    };

    /// <summary>Whether a value has the CLR type its field type calls for.</summary>
    public static bool HasExpectedType(FieldType type, object value) => type switch
    {
        FieldType.String or FieldType.Text => value is string,
        FieldType.Email => value is string s && EmailPattern().IsMatch(s),
        FieldType.Url => value is string u && Uri.TryCreate(u, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps),
        FieldType.Integer => value is long or int,
        FieldType.Number => value is long or int or decimal || (value is double d && double.IsFinite(d)) || (value is float f && float.IsFinite(f)),
        FieldType.Boolean => value is bool,
        FieldType.DateTime => value is DateTimeOffset,
        FieldType.StringList => value is IReadOnlyList<string> list && list.All(item => item is not null),
        _ => false,
    };

    /// <summary>
    /// Checks a non-null value against its field; returns the problems (empty when it conforms).
    /// <paramref name="pattern"/> is the field's pattern compiled by the caller (compiled once per evaluation).
    /// </summary>
    public static IReadOnlyList<string> Check(FieldDefinition field, object value, Regex? pattern)
    {
        ArgumentNullException.ThrowIfNull(field);
        ArgumentNullException.ThrowIfNull(value);
        if (!HasExpectedType(field.Type, value))
        {
            return value is string && field.Type is FieldType.Email or FieldType.Url
                ? [$"field '{field.Name}' is not {Describe(field.Type)}"]
                : [$"field '{field.Name}' must be {Describe(field.Type)} but is {value.GetType().Name}"];
        }

        var problems = new List<string>();
        var length = value switch
        {
            string s => s.Length,
            IReadOnlyList<string> list => list.Count,
            _ => (int?)null,
        };
        if (length is { } len && field.MaxLength is { } max && len > max)
        {
            problems.Add(Format("field '{0}' is longer than {1} (length {2})", field.Name, max, len));
        }

        if (length is { } len2 && field.MinLength is { } min && len2 < min)
        {
            problems.Add(Format("field '{0}' is shorter than {1} (length {2})", field.Name, min, len2));
        }

        IEnumerable<string> texts = value switch
        {
            string s => [s],
            IReadOnlyList<string> list => list,
            _ => [],
        };
        foreach (var text in texts)
        {
            if (field.AllowedValues is { Count: > 0 } allowed && !allowed.Contains(text, StringComparer.Ordinal))
            {
                problems.Add($"field '{field.Name}' has a value outside its allowed values ({string.Join(", ", allowed)})");
            }

            if (pattern is not null && !pattern.IsMatch(text))
            {
                problems.Add($"field '{field.Name}' does not match its pattern");
            }
        }

        if (field.Type is FieldType.Integer or FieldType.Number)
        {
            var number = Convert.ToDouble(value, CultureInfo.InvariantCulture);
            if (field.Minimum is { } lo && number < lo)
            {
                problems.Add(Format("field '{0}' is below its minimum {1}", field.Name, lo));
            }

            if (field.Maximum is { } hi && number > hi)
            {
                problems.Add(Format("field '{0}' is above its maximum {1}", field.Name, hi));
            }
        }

        return problems;
    }

    /// <summary>Compiles a field pattern anchored to the whole value, with a match timeout; throws <see cref="ArgumentException"/> when it is not a valid expression.</summary>
    public static Regex CompilePattern(string pattern)
        => new($"^(?:{pattern})$", RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(250));

    private static string Describe(FieldType type) => type switch
    {
        FieldType.String or FieldType.Text => "a string",
        FieldType.Email => "a valid e-mail address",
        FieldType.Url => "an absolute http(s) URL",
        FieldType.Integer => "an integer (Int64)",
        FieldType.Number => "a finite number",
        FieldType.Boolean => "a boolean",
        FieldType.DateTime => "a DateTimeOffset",
        FieldType.StringList => "a list of strings",
        _ => type.ToString(),
    };

    private static string Format(string format, params object[] args) => string.Format(CultureInfo.InvariantCulture, format, args);

    [GeneratedRegex(@"^[A-Za-z0-9._%+\-]+@[A-Za-z0-9](?:[A-Za-z0-9\-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9\-]*[A-Za-z0-9])?)+$", RegexOptions.CultureInvariant)]
    private static partial Regex EmailPattern();
}
