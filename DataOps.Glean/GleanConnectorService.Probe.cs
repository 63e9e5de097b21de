using DataOps.Glean.Errors;
using DataOps.Glean.Http;
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

    public async Task<SampleQueryReport> RunSampleQueriesAsync(GleanConnector connector, IReadOnlyList<string>? queries = null, CancellationToken cancellationToken = default)
    {
        var results = new List<SampleQueryResult>();
        foreach (var query in queries ?? SampleQueries.Defaults(connector.DatasetType))
        {
            results.Add(await RunQueryAsync(connector, query, cancellationToken));
        }

        return new SampleQueryReport(connector.ConnectorName, results);
    }

    private async Task<SampleQueryResult> RunQueryAsync(GleanConnector connector, string query, CancellationToken cancellationToken)
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
                    Query = query,
                    PageSize = 5,
                    TimeoutMillis = (int)limit.TotalMilliseconds,
                    RequestOptions = new SearchRequestOptions { DatasourceFilter = connector.DatasourceName },
                },
                budget.Token);
            var answered = timing.LastAttempt ?? Stopwatch.GetElapsedTime(started);
            var count = response?.Results?.Count ?? 0;
            var error = count == 0 ? "no result" : answered >= limit ? $"took {answered.TotalMilliseconds:F0} ms" : null;
            return new SampleQueryResult(query, count, answered, error, error is null);
        }
        catch (GleanException ex)
        {
            return new SampleQueryResult(query, 0, Stopwatch.GetElapsedTime(started), ex.Message, false, Unanswered: ex.IsTransient);
        }
        catch (OperationCanceledException) when (budget.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return new SampleQueryResult(
                query, 0, Stopwatch.GetElapsedTime(started), $"no answer within {Options.SampleQueryBudget.TotalSeconds:F0} s ({timing.Attempts} attempts)", false, Unanswered: true);
        }
    }
}
