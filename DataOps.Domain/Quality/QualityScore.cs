using System.Text.Json.Serialization;
using DataOps.Domain.Common;
using DataOps.Domain.Datasets;

namespace DataOps.Domain.Quality;

/// <summary>
/// A dataset's quality score (ARCH-004 value object): the four check scores and the weighted overall score,
/// all on the 0-100 scale, which checks failed, whether the READY rule was met and when it was calculated.
/// Produced by <see cref="QualityEvaluation.Decide"/>; <see cref="Create"/> rehydrates a stored one.
/// </summary>
public sealed record QualityScore
{
    [JsonConstructor]
    private QualityScore(double schema, double completeness, double connectorHealth, double sampleQueries, double overall, IReadOnlyList<QualityCheckType> failedChecks, bool meetsReadyRule, DateTimeOffset calculatedAt)
    {
        CheckRange("qualityScore.schema", schema);
        CheckRange("qualityScore.completeness", completeness);
        CheckRange("qualityScore.connectorHealth", connectorHealth);
        CheckRange("qualityScore.sampleQueries", sampleQueries);
        CheckRange("qualityScore.overall", overall);
        ArgumentNullException.ThrowIfNull(failedChecks);
        failedChecks = failedChecks.Distinct().Order().ToArray();
        if (meetsReadyRule && failedChecks.Count > 0)
        {
            throw new DomainValidationException("qualityScore.meetsReadyRule", "cannot be true while checks failed");
        }

        Schema = schema;
        Completeness = completeness;
        ConnectorHealth = connectorHealth;
        SampleQueries = sampleQueries;
        Overall = overall;
        FailedChecks = failedChecks;
        MeetsReadyRule = meetsReadyRule;
        CalculatedAt = calculatedAt;
    }

    /// <summary>Schema check score.</summary>
    public double Schema { get; }

    /// <summary>Completeness check score.</summary>
    public double Completeness { get; }

    /// <summary>Connector health check score.</summary>
    public double ConnectorHealth { get; }

    /// <summary>Sample query check score.</summary>
    public double SampleQueries { get; }

    /// <summary>Weighted overall score.</summary>
    public double Overall { get; }

    /// <summary>The checks that did not pass their own threshold, in check order.</summary>
    public IReadOnlyList<QualityCheckType> FailedChecks { get; }

    /// <summary>Every check passed and the overall score reached the READY threshold.</summary>
    public bool MeetsReadyRule { get; }

    /// <summary>When the score was calculated.</summary>
    public DateTimeOffset CalculatedAt { get; }

    /// <summary>
    /// Creates a score from stored values; throws <see cref="DomainValidationException"/> for a score outside
    /// [0, 100] or a READY flag contradicting the failed checks.
    /// </summary>
    public static QualityScore Create(double schema, double completeness, double connectorHealth, double sampleQueries, double overall, IEnumerable<QualityCheckType> failedChecks, bool meetsReadyRule, DateTimeOffset calculatedAt)
    {
        ArgumentNullException.ThrowIfNull(failedChecks);
        return new QualityScore(schema, completeness, connectorHealth, sampleQueries, overall, failedChecks.ToArray(), meetsReadyRule, calculatedAt);
    }

    /// <summary>The score of one check.</summary>
    public double For(QualityCheckType type) => type switch
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

    private static void CheckRange(string field, double value)
    {
        if (double.IsNaN(value) || value < 0 || value > 100)
        {
            throw new DomainValidationException(field, "must be between 0 and 100");
        }
    }
}
