using DataOps.Domain.Datasets;
using DataOps.Domain.Quality;
using DataOps.Functions.Provisioning;
using DataOps.Functions.Workflows;
using DataOps.Glean;
using Microsoft.DurableTask;

namespace DataOps.Functions.Validation;

/// <summary>
/// Sample-query check: the dataset type's sample searches each return results within 10 s. Queries Glean could not
/// answer for a transient reason fail the activity (<see cref="QualityCheckUnavailableException"/>) so it is retried.
/// </summary>
internal sealed class RunSampleQueryCheck(DatasetLoader datasets, DatasetRecordSource records, ConnectorProbes probes, IGleanConnectorService glean) : TaskActivity<DatasetId, QualityCheckOutcome>
{
    /// <inheritdoc />
    public override async Task<QualityCheckOutcome> RunAsync(TaskActivityContext context, DatasetId input)
    {
        ArgumentNullException.ThrowIfNull(context);
        var dataset = (await datasets.LoadAsync(input, CancellationToken.None).ConfigureAwait(false)).Dataset;
        if (dataset.DataSource == DataSource.None)
        {
            return QualityCheckMapping.NotApplicable(QualityCheckType.SampleQueries, "production datasets hold no records the product indexed");
        }

        var connector = await probes.ConnectorOfAsync(dataset, CancellationToken.None).ConfigureAwait(false);
        // Queries built from the dataset's own records: a search for what was indexed must find it.
        var queries = SampleQueries.FromRecords(dataset.Type, await records.LoadAsync(dataset, CancellationToken.None).ConfigureAwait(false));
        var report = await glean.RunSampleQueriesAsync(connector, queries, CancellationToken.None).ConfigureAwait(false);
        if (report.Results.FirstOrDefault(r => r.Unanswered) is { } unanswered)
        {
            throw new QualityCheckUnavailableException(
                $"Glean did not answer {report.Results.Count(r => r.Unanswered)} of {report.Results.Count} sample queries ({unanswered.Error}); the check runs again");
        }

        var results = report.Results.Select(r => new SampleQueryResult(r.Query, r.ResultCount, r.Duration, r.Error));
        return QualityCheckMapping.ToOutcome(SampleQueryEvaluator.Evaluate(results));
    }
}
