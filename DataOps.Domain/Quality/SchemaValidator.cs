using System.Globalization;
using System.Text.RegularExpressions;
using DataOps.Domain.Common;
using DataOps.Domain.Datasets;
using DataOps.Domain.Templates;

namespace DataOps.Domain.Quality;

/// <summary>
/// Schema check (ARCH-004): every required field present, every value of the CLR type its field type calls
/// for and within its constraints; fields the schema does not define are warnings only. When the schema
/// defines an <c>id</c> field, a repeated id makes the later record invalid (ids are unique within a dataset).
/// Score = valid records / records x 100. An empty record set scores 100 with a warning: emptiness is the
/// completeness check's business, so one check, not two, fails for it.
/// </summary>
public static class SchemaValidator
{
    private const string _idField = "id";

    /// <summary>Validates one record against a schema (compiles the schema's patterns each call; see <see cref="For"/>).</summary>
    public static RecordValidationResult ValidateRecord(IReadOnlyDictionary<string, object?> record, TemplateSchema schema)
        => ValidateRecord(record, schema, CompilePatterns(schema));

    /// <summary>A validator for many records of one schema, compiling its patterns once.</summary>
    public static Func<IReadOnlyDictionary<string, object?>, RecordValidationResult> For(TemplateSchema schema)
    {
        var patterns = CompilePatterns(schema);
        return record => ValidateRecord(record, schema, patterns);
    }

    /// <summary>Runs the schema check over a record stream (enumerated once).</summary>
    public static QualityCheckResult Evaluate(IEnumerable<IReadOnlyDictionary<string, object?>> records, TemplateSchema schema, double? threshold = null)
    {
        ArgumentNullException.ThrowIfNull(records);
        var limit = threshold ?? QualityThresholds.Default.Schema;
        var patterns = CompilePatterns(schema);
        var errors = new FindingList();
        var warnings = new FindingList();
        var unexpected = new SortedSet<string>(StringComparer.Ordinal);
        var seenIds = new HashSet<string>(StringComparer.Ordinal);
        var checkIds = schema.Find(_idField) is not null;
        long total = 0;
        long valid = 0;
        foreach (var record in records)
        {
            var index = total++;
            var result = ValidateRecord(record, schema, patterns);
            var recordErrors = result.Errors.ToList();
            if (checkIds && record.TryGetValue(_idField, out var id) && id is string idText && !seenIds.Add(idText))
            {
                recordErrors.Add($"field '{_idField}' repeats an earlier record's id");
            }

            foreach (var name in record.Keys.Where(k => schema.Find(k) is null))
            {
                unexpected.Add(name);
            }

            if (recordErrors.Count == 0)
            {
                valid++;
                continue;
            }

            var label = Label(index, record);
            foreach (var error in recordErrors)
            {
                errors.Add($"{label}: {error}");
            }
        }

        foreach (var name in unexpected)
        {
            warnings.Add($"field '{name}' is not defined by the schema");
        }

        if (total == 0)
        {
            warnings.Add("no records to validate");
        }

        var score = total == 0 ? 100.0 : valid * 100.0 / total;
        var details = new Dictionary<string, string>
        {
            ["records"] = total.ToString(CultureInfo.InvariantCulture),
            ["validRecords"] = valid.ToString(CultureInfo.InvariantCulture),
            ["invalidRecords"] = (total - valid).ToString(CultureInfo.InvariantCulture),
            ["unexpectedFields"] = unexpected.Count.ToString(CultureInfo.InvariantCulture),
        };
        return new QualityCheckResult(QualityCheckType.Schema, score, limit, score >= limit, errors.ToList(), warnings.ToList(), details);
    }

    private static RecordValidationResult ValidateRecord(IReadOnlyDictionary<string, object?> record, TemplateSchema schema, IReadOnlyDictionary<string, Regex> patterns)
    {
        ArgumentNullException.ThrowIfNull(record);
        var errors = new List<string>();
        foreach (var field in schema.Fields)
        {
            record.TryGetValue(field.Name, out var value);
            if (!FieldValueRules.IsPresent(value))
            {
                if (field.Required)
                {
                    errors.Add($"required field '{field.Name}' is missing or empty");
                    continue;
                }

                if (value is null)
                {
                    continue;
                }
            }

            errors.AddRange(FieldValueRules.Check(field, value!, patterns.GetValueOrDefault(field.Name)));
        }

        var warnings = record.Keys
            .Where(k => schema.Find(k) is null)
            .Select(k => $"field '{k}' is not defined by the schema")
            .ToArray();
        return new RecordValidationResult(errors, warnings);
    }

    private static Dictionary<string, Regex> CompilePatterns(TemplateSchema schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        var patterns = new Dictionary<string, Regex>(StringComparer.Ordinal);
        foreach (var field in schema.Fields.Where(f => !string.IsNullOrEmpty(f.Pattern)))
        {
            try
            {
                patterns[field.Name] = FieldValueRules.CompilePattern(field.Pattern!);
            }
            catch (ArgumentException ex)
            {
                throw new DomainValidationException($"schema.{field.Name}.pattern", "is not a valid regular expression", ex);
            }
        }

        return patterns;
    }

    private static string Label(long index, IReadOnlyDictionary<string, object?> record)
        => record.TryGetValue(_idField, out var id) && id is string { Length: > 0 and <= 64 } text
            ? string.Format(CultureInfo.InvariantCulture, "record {0} (id {1})", index, text)
            : string.Format(CultureInfo.InvariantCulture, "record {0}", index);
}
