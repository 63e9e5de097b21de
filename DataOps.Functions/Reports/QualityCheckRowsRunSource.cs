using System.Text.Json;
using Azure.Data.Tables;
using DataOps.Domain.Common;
using DataOps.Domain.Datasets;
using DataOps.Domain.Quality;
using DataOps.Functions.Registry;
using DataOps.Functions.Serialization;
using DataOps.Functions.Validation;

namespace DataOps.Functions.Reports;

/// <summary>
/// Validation runs rebuilt from the quality-check history rows (one row per check per run): the rows of one dataset
/// with the same validation time are one run, scored again with the domain's <see cref="QualityEvaluation"/>; the
/// client, stage and template come from the dataset's registry row. These rows record runs whose checks ran, so a
/// run here is <c>ready</c> or <c>failed</c>, never <c>unchecked</c>.
/// </summary>
internal sealed class QualityCheckRowsRunSource(RegistryTables tables, EstateReader estate) : IQualityRunSource
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<QualityRunFacts>> RunsSinceAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        await tables.EnsureCreatedAsync().ConfigureAwait(false);
        var checks = new Dictionary<(string DatasetId, DateTimeOffset At), List<QualityCheckOutcome>>();
        await foreach (var row in tables.QualityChecks.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"ValidatedAt ge {since}"), cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (row.GetDateTimeOffset("ValidatedAt") is not { } at || JsonSerializer.Deserialize<QualityCheckOutcome>(row.GetString("Result") ?? "null", DomainJson.Options) is not { } outcome)
            {
                continue;
            }

            var key = (row.PartitionKey, at);
            (checks.TryGetValue(key, out var list) ? list : checks[key] = []).Add(outcome);
        }

        if (checks.Count == 0)
        {
            return [];
        }

        var datasets = (await estate.DatasetsAsync(cancellationToken).ConfigureAwait(false)).ToDictionary(d => d.Id.Value, StringComparer.Ordinal);
        var runs = new List<QualityRunFacts>();
        foreach (var ((datasetId, at), outcomes) in checks)
        {
            if (!datasets.TryGetValue(datasetId, out var dataset))
            {
                continue;
            }

            var failed = outcomes.Where(o => !o.Passed && !QualityCheckMapping.IsNotApplicable(o)).Select(o => o.CheckType.ToWireName()).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            double? score = null;
            var outcome = failed.Count > 0 ? "failed" : "ready";
            if (outcomes.Select(o => o.CheckType).Distinct().Count() == outcomes.Count && outcomes.Count == Enum.GetValues<QualityCheckType>().Length)
            {
                try
                {
                    var decision = QualityEvaluation.Decide(outcomes.Select(QualityCheckMapping.ToResult), at);
                    score = decision.Score.Overall;
                    outcome = decision.IsReady ? "ready" : "failed";
                    failed = [.. decision.Score.FailedChecks.Select(c => c.ToWireName())];
                }
                catch (DomainException)
                {
                    // Rows the domain cannot score (none of the checks applies): the run counts, without a score.
                }
            }

            runs.Add(new QualityRunFacts(datasetId, at, score, outcome, dataset.ClientId.Value, dataset.Stage.ToWireName(), dataset.TemplateId?.Value, failed));
        }

        return runs;
    }
}
