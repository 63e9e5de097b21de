using DataOps.Domain.Datasets;
using DataOps.Domain.Quality;
using DataOps.Domain.Templates;

namespace DataOps.Tests.Domain;

/// <summary>Short factories for domain test data.</summary>
internal static class Builders
{
    public static readonly DateTimeOffset T0 = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

    public static TemplateDescriptor Template(
        Industry industry,
        string useCase,
        DatasetType type,
        string version = "1.0.0",
        int? recordCount = null,
        string? id = null)
        => new(
            TemplateId.Create(id ?? $"{industry.ToWireName()}.{useCase}.{type.ToWireName()}.{version}"),
            industry,
            UseCase.Create(useCase),
            type,
            version,
            recordCount);

    public static DatasetBuilder Dataset() => new();

    public static QualityScore ReadyScore(DateTimeOffset? at = null)
        => QualityEvaluation.Decide(PassingChecks(), at ?? T0).Score;

    public static QualityDecision FailingDecision(DateTimeOffset? at = null)
        => QualityEvaluation.Decide(
            [
                new QualityCheckResult(QualityCheckType.Schema, 90, 100, false, ["record 3: required field 'title' is missing or empty"]),
                new QualityCheckResult(QualityCheckType.Completeness, 100, 95, true),
                new QualityCheckResult(QualityCheckType.ConnectorHealth, 100, 100, true),
                new QualityCheckResult(QualityCheckType.SampleQueries, 100, 100, true),
            ],
            at ?? T0);

    public static QualityCheckResult[] PassingChecks() =>
    [
        new(QualityCheckType.Schema, 100, 100, true),
        new(QualityCheckType.Completeness, 100, 95, true),
        new(QualityCheckType.ConnectorHealth, 100, 100, true),
        new(QualityCheckType.SampleQueries, 100, 100, true),
    ];

    public static QualityCheckResult Check(QualityCheckType type, double score, bool? passed = null)
        => new(type, score, QualityThresholds.Default.For(type), passed ?? score >= QualityThresholds.Default.For(type));

    public static Dictionary<string, object?> Record(params (string Key, object? Value)[] fields)
        => fields.ToDictionary(f => f.Key, f => f.Value, StringComparer.Ordinal);
}
