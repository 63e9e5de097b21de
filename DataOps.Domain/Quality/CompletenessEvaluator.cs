using System.Globalization;
using DataOps.Domain.Datasets;
using DataOps.Domain.Templates;

namespace DataOps.Domain.Quality;

/// <summary>
/// Completeness check (ARCH-004): the share of required field values that are filled in, and the record count
/// against the expected count. Score = the lower of the two percentages, where the count percentage is
/// records / expected x 100 capped at 100; with the default threshold of 95 this is exactly
/// "non-null required fields >= 95 % and record count >= expected x 0.95". An expected count of zero
/// (production, never populated) makes the count side 100; an empty dataset with a positive expected count scores 0.
/// Given Glean's document count for the datasource, records Glean does not hold count as missing: the count side is
/// measured on the lower of the records and the documents, and a shortfall is an error of its own.
/// </summary>
public static class CompletenessEvaluator
{
    /// <summary>Runs the completeness check over a record stream (enumerated once).</summary>
    /// <param name="records">The dataset's records.</param>
    /// <param name="schema">The template schema naming the required fields.</param>
    /// <param name="expectedRecordCount">The template's (or type default) record count; zero when nothing is expected.</param>
    /// <param name="threshold">Pass threshold; default 95.</param>
    /// <param name="documentsInGlean">
    /// How many documents Glean holds for the dataset's datasource, when known: records that did not reach Glean do not
    /// count as present, so the count side is measured on the lower of the two.
    /// </param>
    public static QualityCheckResult Evaluate(IEnumerable<IReadOnlyDictionary<string, object?>> records, TemplateSchema schema, long expectedRecordCount, double? threshold = null, long? documentsInGlean = null)
    {
        ArgumentNullException.ThrowIfNull(records);
        var tally = new Tally(schema, expectedRecordCount, documentsInGlean);
        foreach (var record in records)
        {
            tally.Add(record);
        }

        return tally.Result(threshold ?? QualityThresholds.Default.Completeness);
    }

    /// <summary>
    /// Runs the completeness check over an asynchronous record stream (enumerated once, one record at a time), such as
    /// a stored copy read back from storage; the result is the one <see cref="Evaluate"/> gives for the same records.
    /// </summary>
    public static async Task<QualityCheckResult> EvaluateAsync(
        IAsyncEnumerable<IReadOnlyDictionary<string, object?>> records,
        TemplateSchema schema,
        long expectedRecordCount,
        double? threshold = null,
        long? documentsInGlean = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(records);
        var tally = new Tally(schema, expectedRecordCount, documentsInGlean);
        await foreach (var record in records.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            tally.Add(record);
        }

        return tally.Result(threshold ?? QualityThresholds.Default.Completeness);
    }

    private static string Format(string format, params object[] args) => string.Format(CultureInfo.InvariantCulture, format, args);

    /// <summary>The running state of one completeness check: records counted one at a time, the result at the end.</summary>
    private sealed class Tally
    {
        private readonly long _expected;
        private readonly long? _inGlean;
        private readonly string[] _required;
        private readonly Dictionary<string, long> _missingPerField;
        private long _count;
        private long _filled;

        public Tally(TemplateSchema schema, long expectedRecordCount, long? documentsInGlean)
        {
            ArgumentNullException.ThrowIfNull(schema);
            ArgumentOutOfRangeException.ThrowIfNegative(expectedRecordCount);
            if (documentsInGlean is { } inGlean)
            {
                ArgumentOutOfRangeException.ThrowIfNegative(inGlean, nameof(documentsInGlean));
            }

            _expected = expectedRecordCount;
            _inGlean = documentsInGlean;
            _required = schema.Fields.Where(f => f.Required).Select(f => f.Name).ToArray();
            _missingPerField = _required.ToDictionary(n => n, _ => 0L, StringComparer.Ordinal);
        }

        public void Add(IReadOnlyDictionary<string, object?> record)
        {
            _count++;
            foreach (var name in _required)
            {
                if (record.TryGetValue(name, out var value) && FieldValueRules.IsPresent(value))
                {
                    _filled++;
                }
                else
                {
                    _missingPerField[name]++;
                }
            }
        }

        public QualityCheckResult Result(double limit)
        {
            var count = _count;
            var expectedRecordCount = _expected;
            var present = _inGlean is { } inGlean ? Math.Min(count, inGlean) : count;
            var cells = count * _required.Length;
            var fieldPercent = cells == 0 ? (count == 0 && expectedRecordCount > 0 ? 0.0 : 100.0) : _filled * 100.0 / cells;
            var countPercent = expectedRecordCount == 0 ? 100.0 : Math.Min(100.0, present * 100.0 / expectedRecordCount);
            var score = Math.Min(fieldPercent, countPercent);
            var errors = new FindingList();
            var warnings = new FindingList();
            if (count == 0 && expectedRecordCount > 0)
            {
                errors.Add(Format("the dataset has no records (expected {0})", expectedRecordCount));
            }
            else if (countPercent < limit)
            {
                errors.Add(Format("record count {0} is below {1:0.##} % of the expected {2}", present, limit, expectedRecordCount));
            }

            if (_inGlean is { } held && held < count)
            {
                errors.Add(Format("Glean holds {0} documents of the {1} records pushed", held, count));
            }
            else if (_inGlean is { } more && more > count)
            {
                warnings.Add(Format("Glean holds {0} documents, more than the {1} records pushed", more, count));
            }

            if (cells > 0 && fieldPercent < limit)
            {
                errors.Add(Format("only {0:0.##} % of required field values are filled in", fieldPercent));
            }

            foreach (var (name, missing) in _missingPerField.Where(p => p.Value > 0))
            {
                errors.Add(Format("required field '{0}' is missing or empty in {1} record(s)", name, missing));
            }

            var details = new Dictionary<string, string>
            {
                ["records"] = count.ToString(CultureInfo.InvariantCulture),
                ["expectedRecords"] = expectedRecordCount.ToString(CultureInfo.InvariantCulture),
                ["requiredFieldPercent"] = fieldPercent.ToString("0.####", CultureInfo.InvariantCulture),
                ["recordCountPercent"] = countPercent.ToString("0.####", CultureInfo.InvariantCulture),
            };
            if (_inGlean is { } documents)
            {
                details["documentsInGlean"] = documents.ToString(CultureInfo.InvariantCulture);
            }

            var passed = score >= limit;
            return passed
                ? new QualityCheckResult(QualityCheckType.Completeness, score, limit, true, [], [.. errors.ToList(), .. warnings.ToList()], details)
                : new QualityCheckResult(QualityCheckType.Completeness, score, limit, false, errors.ToList(), warnings.ToList(), details);
        }
    }
}
