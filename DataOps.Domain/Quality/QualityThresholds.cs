using System.Text.Json.Serialization;
using DataOps.Domain.Common;
using DataOps.Domain.Datasets;

namespace DataOps.Domain.Quality;

/// <summary>
/// Pass thresholds on the 0-100 scale. Default (Decisions table): schema 100, completeness 95, connector
/// health 100, sample queries 100, overall 95. A check passes when its score is at least its threshold
/// (and its evaluator found no hard failure); READY needs every check to pass and the overall score to be at
/// least <see cref="Overall"/>.
/// </summary>
public sealed record QualityThresholds
{
    [JsonConstructor]
    private QualityThresholds(double schema, double completeness, double connectorHealth, double sampleQueries, double overall)
    {
        CheckRange("thresholds.schema", schema);
        CheckRange("thresholds.completeness", completeness);
        CheckRange("thresholds.connectorHealth", connectorHealth);
        CheckRange("thresholds.sampleQueries", sampleQueries);
        CheckRange("thresholds.overall", overall);
        Schema = schema;
        Completeness = completeness;
        ConnectorHealth = connectorHealth;
        SampleQueries = sampleQueries;
        Overall = overall;
    }

    /// <summary>The thresholds of the Decisions table.</summary>
    public static QualityThresholds Default { get; } = new(100, 95, 100, 100, 95);

    /// <summary>Schema check threshold.</summary>
    public double Schema { get; }

    /// <summary>Completeness check threshold.</summary>
    public double Completeness { get; }

    /// <summary>Connector health check threshold.</summary>
    public double ConnectorHealth { get; }

    /// <summary>Sample query check threshold.</summary>
    public double SampleQueries { get; }

    /// <summary>Minimum overall score for READY.</summary>
    public double Overall { get; }

    /// <summary>Creates thresholds; throws <see cref="DomainValidationException"/> when one is outside [0, 100].</summary>
    public static QualityThresholds Create(double schema, double completeness, double connectorHealth, double sampleQueries, double overall)
        => new(schema, completeness, connectorHealth, sampleQueries, overall);

    /// <summary>The threshold of one check.</summary>
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
        if (double.IsNaN(value) || value < 0 || value > 100)
        {
            throw new DomainValidationException(field, "must be between 0 and 100");
        }
    }
}
