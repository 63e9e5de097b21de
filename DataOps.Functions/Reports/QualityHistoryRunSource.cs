using DataOps.Domain.Datasets;
using DataOps.Functions.Validation;

namespace DataOps.Functions.Reports;

/// <summary>The validation runs the quality history keeps, each with what it ran on (client, stage, template and version).</summary>
internal sealed class QualityHistoryRunSource(QualityHistoryStore history) : IQualityRunSource
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<QualityRunFacts>> RunsSinceAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        var runs = await history.ReadRunsSinceAsync(since, cancellationToken).ConfigureAwait(false);
        return [.. runs.Select(r => new QualityRunFacts(
            r.DatasetId.Value,
            r.ValidatedAt,
            r.Score,
            r.Outcome.ToWireName(),
            r.ClientId.Value,
            r.Stage.ToWireName(),
            r.TemplateId,
            r.TemplateVersion,
            [.. r.Checks.Where(c => !c.Passed && !QualityCheckMapping.IsNotApplicable(c)).Select(c => c.CheckType.ToWireName()).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)]))];
    }
}
