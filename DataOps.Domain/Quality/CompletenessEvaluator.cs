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
/// </summary>
public static class CompletenessEvaluator
{
    /// <summary>Runs the completeness check over a record stream (enumerated once).</summary>
    /// <param name="records">The dataset's records.</param>
    /// <param name="schema">The template schema naming the required fields.</param>
    /// <param name="expectedRecordCount">The template's (or type default) record count; zero when nothing is expected.</param>
    /// <param name="threshold">Pass threshold; default 95.</param>
    public static QualityCheckResult Evaluate(IEnumerable<IReadOnlyDictionary<string, object?>> records, TemplateSchema schema, long expectedRecordCount, double? threshold = null)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentOutOfRangeException.ThrowIfNegative(expectedRecordCount);
        var limit = threshold ?? QualityThresholds.Default.Completeness;
        var required = schema.Fields.Where(f => f.Required).Select(f => f.Name).ToArray();
        var missingPerField = required.ToDictionary(n => n, _ => 0L, StringComparer.Ordinal);
        long count = 0;
        long filled = 0;
        foreach (var record in records)
        {
            count++;
            foreach (var name in required)
            {
                if (record.TryGetValue(name, out var value) && FieldValueRules.IsPresent(value))
                {
                    filled++;
                }
                else
                {
                    missingPerField[name]++;
                }
            }
        }

        var cells = count * required.Length;
        var fieldPercent = cells == 0 ? (count == 0 && expectedRecordCount > 0 ? 0.0 : 100.0) : filled * 100.0 / cells;
        var countPercent = expectedRecordCount == 0 ? 100.0 : Math.Min(100.0, count * 100.0 / expectedRecordCount);
        var score = Math.Min(fieldPercent, countPercent);
        var errors = new FindingList();
        if (count == 0 && expectedRecordCount > 0)
        {
            errors.Add(Format("the dataset has no records (expected {0})", expectedRecordCount));
        }
        else if (countPercent < limit)
        {
            errors.Add(Format("record count {0} is below {1:0.##} % of the expected {2}", count, limit, expectedRecordCount));
        }

        if (cells > 0 && fieldPercent < limit)
        {
            errors.Add(Format("only {0:0.##} % of required field values are filled in", fieldPercent));
        }

        foreach (var (name, missing) in missingPerField.Where(p => p.Value > 0))
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
        var passed = score >= limit;
        return new QualityCheckResult(QualityCheckType.Completeness, score, limit, passed, passed ? [] : errors.ToList(), passed ? errors.ToList() : [], details);
    }

    private static string Format(string format, params object[] args) => string.Format(CultureInfo.InvariantCulture, format, args);
}
