using System.Globalization;
using DataOps.Domain.Datasets;
using DataOps.Domain.Quality;
using DataOps.Functions.Provisioning;
using DataOps.Functions.Workflows;
using DataOps.Glean;
using Microsoft.DurableTask;

namespace DataOps.Functions.Validation;

/// <summary>
/// Sample-query check: the dataset type's sample searches each return results within 10 s. Sandbox and pilot search for
/// words of the records the product indexed; production, which holds the client's own documents (their connector fills
/// it, the product never does), searches the type's generic queries against the production datasource. A production
/// datasource with no documents yet fails the check with a message saying so, without spending searches on it.
/// Queries Glean could not answer for a transient reason fail the activity (<see cref="QualityCheckUnavailableException"/>)
/// so it is retried.
/// </summary>
internal sealed class RunSampleQueryCheck(DatasetLoader datasets, DatasetRecordSource records, ConnectorProbes probes, IGleanConnectorService glean) : TaskActivity<DatasetId, QualityCheckOutcome>
{
    /// <inheritdoc />
    public override async Task<QualityCheckOutcome> RunAsync(TaskActivityContext context, DatasetId input)
    {
        ArgumentNullException.ThrowIfNull(context);
        var dataset = (await datasets.LoadAsync(input, CancellationToken.None).ConfigureAwait(false)).Dataset;
        var connector = await probes.ConnectorOfAsync(dataset, CancellationToken.None).ConfigureAwait(false);
        IReadOnlyList<string> queries;
        if (dataset.DataSource == DataSource.None)
        {
            var documents = await glean.GetDocumentCountAsync(connector, CancellationToken.None).ConfigureAwait(false);
            if (documents.Indexed == 0)
            {
                return QualityCheckMapping.ToOutcome(EmptyDatasource(connector.DatasourceName));
            }

            queries = SampleQueries.Defaults(dataset.Type);
        }
        else
        {
            // Queries built from the dataset's own records: a search for what was indexed must find it.
            queries = SampleQueries.FromRecords(dataset.Type, await records.LoadAsync(dataset, CancellationToken.None).ConfigureAwait(false));
        }

        var report = await glean.RunSampleQueriesAsync(connector, queries, CancellationToken.None).ConfigureAwait(false);
        if (report.Results.FirstOrDefault(r => r.Unanswered) is { } unanswered)
        {
            throw new QualityCheckUnavailableException(
                $"Glean did not answer {report.Results.Count(r => r.Unanswered)} of {report.Results.Count} sample queries ({unanswered.Error}); the check runs again");
        }

        var results = report.Results.Select(r => new SampleQueryResult(r.Query, r.ResultCount, r.Duration, r.Error));
        return QualityCheckMapping.ToOutcome(SampleQueryEvaluator.Evaluate(results));
    }

    private static QualityCheckResult EmptyDatasource(string datasourceName) => new(
        QualityCheckType.SampleQueries,
        0,
        QualityThresholds.Default.SampleQueries,
        false,
        [
            string.Format(
                CultureInfo.InvariantCulture,
                "production datasource '{0}' holds no documents: the client's connector has not filled it yet, so no sample query can find anything; validate again once it has",
                datasourceName),
        ],
        [],
        new Dictionary<string, string>(StringComparer.Ordinal) { ["queries"] = "0", ["succeeded"] = "0", ["indexedDocuments"] = "0" });
}
