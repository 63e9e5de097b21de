using System.Globalization;
using DataOps.Domain.Datasets;
using DataOps.Domain.Quality;
using DataOps.Functions.Provisioning;
using DataOps.Functions.Workflows;
using DataOps.Glean;
using GleanConnector = DataOps.Glean.Model.GleanConnector;
using SampleQuery = DataOps.Glean.Model.SampleQuery;
using SampleQueryReport = DataOps.Glean.Model.SampleQueryReport;
using Microsoft.DurableTask;

namespace DataOps.Functions.Validation;

/// <summary>
/// Sample-query check: ten searches, made as <c>Glean:ValidationUser</c> (a beta user of every test datasource the product
/// creates), each answering within 10 s. Sandbox and pilot prove findability: each query is a few words of the titles of
/// documents the product indexed and names those documents (<see cref="SampleQueries.Plan"/>), and it passes only when
/// the dataset's own datasource returns every one of them; results from other datasources do not count, and the documents
/// a query did not find stay in the check's details as evidence. Production holds the client's own documents (their
/// connector fills it, the product never does), so the product cannot know which documents a query should find: it
/// searches the type's generic queries and any result from the production datasource passes a query. A production
/// datasource with no documents yet fails the check with a message saying so, without spending searches on it.
/// Queries Glean could not answer for a transient reason fail the activity (<see cref="QualityCheckUnavailableException"/>)
/// so it is retried.
/// </summary>
internal sealed class RunSampleQueryCheck(DatasetLoader datasets, DatasetRecordSource records, DatasetStaging staging, ConnectorProbes probes, IGleanConnectorService glean) : TaskActivity<DatasetId, QualityCheckOutcome>
{
    /// <inheritdoc />
    public override async Task<QualityCheckOutcome> RunAsync(TaskActivityContext context, DatasetId input)
    {
        ArgumentNullException.ThrowIfNull(context);
        var dataset = (await datasets.LoadAsync(input, CancellationToken.None).ConfigureAwait(false)).Dataset;
        var connector = await probes.ConnectorOfAsync(dataset, CancellationToken.None).ConfigureAwait(false);
        IReadOnlyList<SampleQuery> queries;
        if (dataset.DataSource == DataSource.None)
        {
            var documents = await glean.GetDocumentCountAsync(connector, CancellationToken.None).ConfigureAwait(false);
            if (documents.Indexed == 0)
            {
                return QualityCheckMapping.ToOutcome(EmptyDatasource(connector.DatasourceName));
            }

            queries = [.. SampleQueries.Defaults(dataset.Type).Select(SampleQuery.AnyResult)];
        }
        else
        {
            // Queries built from the documents the product indexed (the attempt's staged copy): each must find the
            // documents whose titles carry it.
            var (staged, _) = await staging.OpenForCheckAsync(dataset, CancellationToken.None).ConfigureAwait(false);
            await using var opened = staged;

            var pushed = new List<IReadOnlyDictionary<string, object?>>();
            try
            {
                await foreach (var record in staged.ReadAsync(records.SchemaFor(dataset), CancellationToken.None).ConfigureAwait(false))
                {
                    pushed.Add(record);
                }
            }
            catch (InvalidDataException ex)
            {
                return QualityCheckMapping.ToOutcome(NoRecords($"the staged copy {staged.Copy.Location} cannot be read ({ex.Message}), so no query can be planned from the records pushed; retry the dataset to stage and push its records again"));
            }

            queries = SampleQueries.Plan(connector, pushed);
        }

        var report = await glean.RunSampleQueriesAsync(connector, queries, CancellationToken.None).ConfigureAwait(false);
        if (report.Results.FirstOrDefault(r => r.Unanswered) is { } unanswered)
        {
            throw new QualityCheckUnavailableException(
                $"Glean did not answer {report.Results.Count(r => r.Unanswered)} of {report.Results.Count} sample queries ({unanswered.Error}); the check runs again");
        }

        var results = report.Results.Select(r => new SampleQueryResult(
            r.Query,
            r.ResultCount,
            r.Duration,
            // A query Glean answered is judged by the documents it missed; an error is left for one Glean did not answer.
            r.MissingDocumentIds.Count > 0 ? null : r.Error)
        {
            Expected = r.ExpectedDocumentIds,
            Found = r.FoundDocumentIds,
            Missing = r.MissingDocumentIds,
        });
        return QualityCheckMapping.ToOutcome(Explain(SampleQueryEvaluator.Evaluate(results), report, connector));
    }

    /// <summary>
    /// When no query found any of its documents, the likeliest cause is who searched, not the data: says who Glean answered
    /// as and who may see the datasource.
    /// </summary>
    private static QualityCheckResult Explain(QualityCheckResult result, SampleQueryReport report, GleanConnector connector)
    {
        var details = new Dictionary<string, string>(result.Details, StringComparer.Ordinal) { ["searchedAs"] = report.SearchedAs ?? "unknown" };
        var judged = report.Results.Where(r => r.ExpectedDocumentIds.Count > 0).ToList();
        var errors = result.Errors.ToList();
        if (judged.Count > 0 && judged.All(r => r.FoundDocumentIds.Count == 0))
        {
            errors.Insert(0, string.Format(
                CultureInfo.InvariantCulture,
                "none of the {0} queries found any of its expected documents searching as {1}; datasource '{2}' is {3}, so check that the client token searches as Glean:ValidationUser and that this user is one of them",
                judged.Count,
                report.SearchedAs,
                connector.DatasourceName,
                connector.IsTestDatasource
                    ? connector.BetaUsers.Count == 0
                        ? "a test datasource with no beta users, seen by nobody"
                        : $"a test datasource seen only by its beta users ({string.Join(", ", connector.BetaUsers)})"
                    : "seen by every user the documents' permissions admit"));
        }

        return new QualityCheckResult(result.Type, result.Score ?? 0, result.Threshold, result.Passed, errors, result.Warnings, details);
    }

    private static QualityCheckResult NoRecords(string error) => new(
        QualityCheckType.SampleQueries,
        0,
        QualityThresholds.Default.SampleQueries,
        false,
        [error],
        [],
        new Dictionary<string, string>(StringComparer.Ordinal) { ["queries"] = "0", ["succeeded"] = "0" });

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
