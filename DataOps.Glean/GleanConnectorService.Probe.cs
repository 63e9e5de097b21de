using DataOps.Glean.Errors;
using DataOps.Glean.Http;
using DataOps.Glean.Metrics;
using DataOps.Glean.Model;
using DataOps.Glean.Wire;
using System.Diagnostics;

namespace DataOps.Glean;

internal sealed partial class GleanConnectorService
{
    public async Task<ConnectorHealth> ProbeHealthAsync(GleanConnector connector, long expectedDocumentCount, CancellationToken cancellationToken = default)
    {
        var problems = new List<string>();
        var started = time.GetTimestamp();
        using var timing = GleanAttemptTiming.Begin();
        DatasourceStatus? status = null;
        bool reachable = true, authorized = true;
        try
        {
            status = await indexing.GetStatusAsync(connector.DatasourceName, cancellationToken);
        }
        catch (GleanException ex) when (ex is GleanUnauthorizedException or GleanForbiddenException)
        {
            authorized = false;
            problems.Add(ex.Message);
        }
        catch (GleanException ex) when (ex.IsTransient)
        {
            reachable = false;
            problems.Add(ex.Message);
        }
        catch (GleanException ex)
        {
            problems.Add(ex.Message);
        }

        // Glean's answer time; rate-limit waits and retry back-off are throttling, not slowness.
        var elapsed = timing.LastAttempt ?? time.GetElapsedTime(started);
        var history = status?.Documents?.BulkUploadHistory;
        var lastUpload = history is { Count: > 0 } ? history[^1] : null;
        var lastSuccessful = lastUpload?.Status == "SUCCESSFUL";
        var indexed = status?.Documents?.Counts?.Indexed?.Sum(c => c.Count) ?? 0;
        var inTime = elapsed < Options.HealthResponseLimit;
        if (status is not null)
        {
            if (!lastSuccessful)
            {
                problems.Add(lastUpload is null ? "no upload recorded" : $"last upload '{lastUpload.UploadId}' is {lastUpload.Status}");
            }

            if (indexed != expectedDocumentCount)
            {
                problems.Add($"{indexed} documents indexed, {expectedDocumentCount} expected");
            }
        }

        if (!inTime)
        {
            problems.Add($"status took {elapsed.TotalMilliseconds:F0} ms, limit {Options.HealthResponseLimit.TotalMilliseconds:F0} ms");
        }

        var outcome = !reachable ? ConnectorCallOutcome.Unavailable : status is null ? ConnectorCallOutcome.Failed : ConnectorCallOutcome.Succeeded;
        await ObserveAsync(connector, ConnectorCallKind.Probe, outcome, elapsed, cancellationToken);
        return new ConnectorHealth(
            connector.ConnectorName,
            connector.DatasourceName,
            reachable,
            authorized,
            lastSuccessful,
            indexed,
            expectedDocumentCount,
            elapsed,
            inTime,
            time.GetUtcNow(),
            problems);
    }

    public Task<SampleQueryReport> RunSampleQueriesAsync(GleanConnector connector, IReadOnlyList<string>? queries = null, CancellationToken cancellationToken = default) =>
        RunSampleQueriesAsync(connector, [.. (queries ?? SampleQueries.Defaults(connector.DatasetType)).Select(SampleQuery.AnyResult)], cancellationToken);

    public async Task<SampleQueryReport> RunSampleQueriesAsync(GleanConnector connector, IReadOnlyList<SampleQuery> queries, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connector);
        ArgumentNullException.ThrowIfNull(queries);
        var results = new List<SampleQueryResult>();
        foreach (var query in queries)
        {
            results.Add(await RunQueryAsync(connector, query, cancellationToken));
        }

        var searchedAs = Options.ClientTokenType == GleanClientTokenType.Global
            ? $"{Options.ValidationUser} (global token, {GleanSearchClient.ActAsHeader})"
            : $"{Options.ValidationUser} (user-scoped token)";
        return new SampleQueryReport(connector.ConnectorName, results, searchedAs);
    }

    private async Task<SampleQueryResult> RunQueryAsync(GleanConnector connector, SampleQuery query, CancellationToken cancellationToken)
    {
        // The quality rule is about Glean's answer time; waiting for a rate-limit permit or a Retry-After is throttling.
        var limit = Options.SampleQueryTimeout;
        var started = Stopwatch.GetTimestamp();
        using var timing = GleanAttemptTiming.Begin();
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        budget.CancelAfter(Options.SampleQueryBudget);
        try
        {
            var response = await search.SearchAsync(
                new SearchRequest
                {
                    Query = query.Text,
                    PageSize = query.ExpectedDocumentIds.Count == 0 ? 5 : SampleQueryPlanner.PageSize,
                    TimeoutMillis = (int)limit.TotalMilliseconds,
                    RequestOptions = new SearchRequestOptions { DatasourceFilter = connector.DatasourceName },
                },
                budget.Token);
            var answered = timing.LastAttempt ?? Stopwatch.GetElapsedTime(started);
            await ObserveAsync(connector, ConnectorCallKind.Query, ConnectorCallOutcome.Succeeded, answered, cancellationToken);
            return Judge(connector, query, response?.Results ?? [], answered, limit);
        }
        catch (GleanException ex)
        {
            await ObserveAsync(connector, ConnectorCallKind.Query, OutcomeOf(ex), Stopwatch.GetElapsedTime(started), cancellationToken);
            return new SampleQueryResult(query.Text, 0, Stopwatch.GetElapsedTime(started), ex.Message, false, Unanswered: ex.IsTransient)
            {
                ExpectedDocumentIds = query.ExpectedDocumentIds,
            };
        }
        catch (OperationCanceledException) when (budget.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            await ObserveAsync(connector, ConnectorCallKind.Query, ConnectorCallOutcome.Unavailable, Stopwatch.GetElapsedTime(started), cancellationToken);
            return new SampleQueryResult(
                query.Text, 0, Stopwatch.GetElapsedTime(started), $"no answer within {Options.SampleQueryBudget.TotalSeconds:F0} s ({timing.Attempts} attempts)", false, Unanswered: true)
            {
                ExpectedDocumentIds = query.ExpectedDocumentIds,
            };
        }
    }

    /// <summary>Only results of the connector's own datasource count; every expected document must be among them.</summary>
    private static SampleQueryResult Judge(GleanConnector connector, SampleQuery query, IReadOnlyList<SearchResult> results, TimeSpan answered, TimeSpan limit)
    {
        var own = results.Where(r => string.Equals(DatasourceOf(r), connector.DatasourceName, StringComparison.OrdinalIgnoreCase)).ToList();
        var other = results.Count - own.Count;
        var ids = own.Select(r => r.Document?.Id ?? r.Document?.Metadata?.DocumentId).OfType<string>().ToHashSet(StringComparer.OrdinalIgnoreCase);
        var found = query.ExpectedDocumentIds.Where(ids.Contains).ToList();
        var missing = query.ExpectedDocumentIds.Where(id => !ids.Contains(id)).ToList();
        string? error = null;
        if (own.Count == 0)
        {
            error = other == 0 ? "no result" : $"no result from datasource '{connector.DatasourceName}' ({other} from other datasources do not count)";
        }
        else if (missing.Count > 0)
        {
            error = $"found {found.Count} of {query.ExpectedDocumentIds.Count} expected documents; missing {string.Join(", ", missing)}";
        }
        else if (answered >= limit)
        {
            error = $"took {answered.TotalMilliseconds:F0} ms";
        }

        if (own.Count == 0 && query.ExpectedDocumentIds.Count > 0)
        {
            error += $"; expected {string.Join(", ", missing)}";
        }

        return new SampleQueryResult(query.Text, own.Count, answered, error, error is null)
        {
            ExpectedDocumentIds = query.ExpectedDocumentIds,
            FoundDocumentIds = found,
            MissingDocumentIds = missing,
            OtherDatasourceResults = other,
        };
    }

    private static string? DatasourceOf(SearchResult result) => result.Document?.Datasource ?? result.Document?.Metadata?.Datasource;
}
