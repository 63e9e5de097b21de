namespace DataOps.Functions.Reports;

/// <summary>Where the quality trends report reads its validation runs from.</summary>
public interface IQualityRunSource
{
    /// <summary>Every validation run at or after <paramref name="since"/>, in no particular order.</summary>
    Task<IReadOnlyList<QualityRunFacts>> RunsSinceAsync(DateTimeOffset since, CancellationToken cancellationToken);
}
