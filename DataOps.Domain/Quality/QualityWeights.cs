using System.Globalization;
using System.Text.Json.Serialization;
using DataOps.Domain.Common;
using DataOps.Domain.Datasets;

namespace DataOps.Domain.Quality;

/// <summary>
/// Weights of the four checks in the overall score. Default per ARCH-004 (Decisions table): schema 0.30,
/// completeness 0.30, connector health 0.25, sample queries 0.15. Each weight is in [0, 1] and they sum to 1.
/// </summary>
public sealed record QualityWeights
{
    private const double _sumTolerance = 1e-9;

    [JsonConstructor]
    private QualityWeights(double schema, double completeness, double connectorHealth, double sampleQueries)
    {
        CheckRange("weights.schema", schema);
        CheckRange("weights.completeness", completeness);
        CheckRange("weights.connectorHealth", connectorHealth);
        CheckRange("weights.sampleQueries", sampleQueries);
        var sum = schema + completeness + connectorHealth + sampleQueries;
        if (Math.Abs(sum - 1.0) > _sumTolerance)
        {
            throw new DomainValidationException("weights", string.Format(CultureInfo.InvariantCulture, "must sum to 1 (sum is {0})", sum));
        }

        Schema = schema;
        Completeness = completeness;
        ConnectorHealth = connectorHealth;
        SampleQueries = sampleQueries;
    }

    /// <summary>The ARCH-004 weights.</summary>
    public static QualityWeights Default { get; } = new(0.30, 0.30, 0.25, 0.15);

    /// <summary>Weight of the schema check.</summary>
    public double Schema { get; }

    /// <summary>Weight of the completeness check.</summary>
    public double Completeness { get; }

    /// <summary>Weight of the connector health check.</summary>
    public double ConnectorHealth { get; }

    /// <summary>Weight of the sample query check.</summary>
    public double SampleQueries { get; }

    /// <summary>Creates weights; throws <see cref="DomainValidationException"/> when one is outside [0, 1] or they do not sum to 1.</summary>
    public static QualityWeights Create(double schema, double completeness, double connectorHealth, double sampleQueries)
        => new(schema, completeness, connectorHealth, sampleQueries);

    /// <summary>The weight of one check.</summary>
    public double For(QualityCheckType type) => type switch
    {
        QualityCheckType.Schema => Schema,
        QualityCheckType.Completeness => Completeness,
        QualityCheckType.ConnectorHealth => ConnectorHealth,
        QualityCheckType.SampleQueries => SampleQueries,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown check type."),
    };

    private static void CheckRange(string field, double value)
    {
        if (double.IsNaN(value) || value < 0 || value > 1)
        {
            throw new DomainValidationException(field, "must be between 0 and 1");
        }
    }
}
