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
        var tally = new Tally(schema, CompilePatterns(schema));
        foreach (var record in records)
        {
            tally.Add(record);
        }

        return tally.Result(threshold ?? QualityThresholds.Default.Schema);
    }

    /// <summary>
    /// Runs the schema check over an asynchronous record stream (enumerated once, one record at a time), such as a
    /// stored copy read back from storage; the result is the one <see cref="Evaluate"/> gives for the same records.
    /// </summary>
    public static async Task<QualityCheckResult> EvaluateAsync(IAsyncEnumerable<IReadOnlyDictionary<string, object?>> records, TemplateSchema schema, double? threshold = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(records);
        var tally = new Tally(schema, CompilePatterns(schema));
        await foreach (var record in records.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            tally.Add(record);
        }

        return tally.Result(threshold ?? QualityThresholds.Default.Schema);
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

    /// <summary>The running state of one schema check: records counted one at a time, the result at the end.</summary>
    private sealed class Tally
    {
        private readonly TemplateSchema _schema;
        private readonly IReadOnlyDictionary<string, Regex> _patterns;
        private readonly FindingList _errors = new();
        private readonly SortedSet<string> _unexpected = new(StringComparer.Ordinal);
        private readonly HashSet<string> _seenIds = new(StringComparer.Ordinal);
        private readonly bool _checkIds;
        private long _total;
        private long _valid;

        public Tally(TemplateSchema schema, IReadOnlyDictionary<string, Regex> patterns)
        {
            _schema = schema;
            _patterns = patterns;
            _checkIds = schema.Find(_idField) is not null;
        }

        public void Add(IReadOnlyDictionary<string, object?> record)
        {
            var index = _total++;
            var result = ValidateRecord(record, _schema, _patterns);
            var recordErrors = result.Errors.ToList();
            if (_checkIds && record.TryGetValue(_idField, out var id) && id is string idText && !_seenIds.Add(idText))
            {
                recordErrors.Add($"field '{_idField}' repeats an earlier record's id");
            }

            foreach (var name in record.Keys.Where(k => _schema.Find(k) is null))
            {
                _unexpected.Add(name);
            }

            if (recordErrors.Count == 0)
            {
                _valid++;
                return;
            }

            var label = Label(index, record);
            foreach (var error in recordErrors)
            {
                _errors.Add($"{label}: {error}");
            }
        }

        public QualityCheckResult Result(double limit)
        {
            var warnings = new FindingList();
            foreach (var name in _unexpected)
            {
                warnings.Add($"field '{name}' is not defined by the schema");
            }

            if (_total == 0)
            {
                warnings.Add("no records to validate");
            }

            var score = _total == 0 ? 100.0 : _valid * 100.0 / _total;
            var details = new Dictionary<string, string>
            {
                ["records"] = _total.ToString(CultureInfo.InvariantCulture),
                ["validRecords"] = _valid.ToString(CultureInfo.InvariantCulture),
                ["invalidRecords"] = (_total - _valid).ToString(CultureInfo.InvariantCulture),
                ["unexpectedFields"] = _unexpected.Count.ToString(CultureInfo.InvariantCulture),
            };
            return new QualityCheckResult(QualityCheckType.Schema, score, limit, score >= limit, _errors.ToList(), warnings.ToList(), details);
        }
    }
}
