using System.Text.Json.Serialization;
using DataOps.Domain.Common;
using DataOps.Domain.Datasets;

namespace DataOps.Domain.Quality;

/// <summary>
/// A dataset's quality score (ARCH-004 value object): the four check scores and the weighted overall score,
/// all on the 0-100 scale, which checks failed, whether the READY rule was met and when it was calculated.
/// A check that did not apply (production: schema and completeness) has no score (null), and the overall score
/// is over the checks that applied. Produced by <see cref="QualityEvaluation.Decide"/>; <see cref="Create"/>
/// rehydrates a stored one (scores stored before checks could be not applicable are all present).
/// </summary>
public sealed record QualityScore
{
    [JsonConstructor]
    private QualityScore(double? schema, double? completeness, double? connectorHealth, double? sampleQueries, double overall, IReadOnlyList<QualityCheckType> failedChecks, bool meetsReadyRule, DateTimeOffset calculatedAt)
    {
        CheckRange("qualityScore.schema", schema);
        CheckRange("qualityScore.completeness", completeness);
        CheckRange("qualityScore.connectorHealth", connectorHealth);
        CheckRange("qualityScore.sampleQueries", sampleQueries);
        CheckRange("qualityScore.overall", overall);
        ArgumentNullException.ThrowIfNull(failedChecks);
        if (schema is null && completeness is null && connectorHealth is null && sampleQueries is null)
        {
            throw new DomainValidationException("qualityScore", "at least one check must apply");
        }

        Schema = schema;
        Completeness = completeness;
        ConnectorHealth = connectorHealth;
        SampleQueries = sampleQueries;
        failedChecks = failedChecks.Distinct().Order().ToArray();
        if (failedChecks.Where(c => For(c) is null).Cast<QualityCheckType?>().FirstOrDefault() is { } failed)
        {
            throw new DomainValidationException("qualityScore.failedChecks", $"the {failed.ToWireName()} check did not apply, so it cannot have failed");
        }

        if (meetsReadyRule && failedChecks.Count > 0)
        {
            throw new DomainValidationException("qualityScore.meetsReadyRule", "cannot be true while checks failed");
        }

        Overall = overall;
        FailedChecks = failedChecks;
        MeetsReadyRule = meetsReadyRule;
        CalculatedAt = calculatedAt;
    }

    /// <summary>Schema check score; null when the check did not apply.</summary>
    public double? Schema { get; }

    /// <summary>Completeness check score; null when the check did not apply.</summary>
    public double? Completeness { get; }

    /// <summary>Connector health check score; null when the check did not apply.</summary>
    public double? ConnectorHealth { get; }

    /// <summary>Sample query check score; null when the check did not apply.</summary>
    public double? SampleQueries { get; }

    /// <summary>Weighted overall score over the checks that applied.</summary>
    public double Overall { get; }

    /// <summary>The checks that did not pass their own threshold, in check order.</summary>
    public IReadOnlyList<QualityCheckType> FailedChecks { get; }

    /// <summary>The checks that did not apply (no score), in check order.</summary>
    [JsonIgnore]
    public IReadOnlyList<QualityCheckType> NotApplicableChecks => Enum.GetValues<QualityCheckType>().Where(t => For(t) is null).ToArray();

    /// <summary>Every check passed and the overall score reached the READY threshold.</summary>
    public bool MeetsReadyRule { get; }

    /// <summary>When the score was calculated.</summary>
    public DateTimeOffset CalculatedAt { get; }

    /// <summary>
    /// Creates a score from stored values (null for a check that did not apply); throws
    /// <see cref="DomainValidationException"/> for a score outside [0, 100], no check applying, a failed check that
    /// did not apply or a READY flag contradicting the failed checks.
    /// </summary>
    public static QualityScore Create(double? schema, double? completeness, double? connectorHealth, double? sampleQueries, double overall, IEnumerable<QualityCheckType> failedChecks, bool meetsReadyRule, DateTimeOffset calculatedAt)
    {
        ArgumentNullException.ThrowIfNull(failedChecks);
        return new QualityScore(schema, completeness, connectorHealth, sampleQueries, overall, failedChecks.ToArray(), meetsReadyRule, calculatedAt);
    }

    /// <summary>The score of one check; null when it did not apply.</summary>
    public double? For(QualityCheckType type) => type switch
    {
        QualityCheckType.Schema => Schema,
        QualityCheckType.Completeness => Completeness,
        QualityCheckType.ConnectorHealth => ConnectorHealth,
        QualityCheckType.SampleQueries => SampleQueries,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown check type."),
    };

    /// <summary>Value equality including the failed checks' contents.</summary>
    public bool Equals(QualityScore? other)
        => other is not null
            && Schema.Equals(other.Schema) && Completeness.Equals(other.Completeness) && ConnectorHealth.Equals(other.ConnectorHealth)
            && SampleQueries.Equals(other.SampleQueries) && Overall.Equals(other.Overall) && MeetsReadyRule == other.MeetsReadyRule
            && CalculatedAt.Equals(other.CalculatedAt) && FailedChecks.SequenceEqual(other.FailedChecks);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Overall, MeetsReadyRule, CalculatedAt, FailedChecks.Count);

    private static void CheckRange(string field, double? value)
    {
        if (value is { } v && (double.IsNaN(v) || v < 0 || v > 100))
        {
            throw new DomainValidationException(field, "must be between 0 and 100");
        }
    }
}
