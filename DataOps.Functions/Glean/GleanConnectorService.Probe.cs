using System.Diagnostics;
using DataOps.Functions.Glean.Errors;
using DataOps.Functions.Glean.Model;
using DataOps.Functions.Glean.Wire;

namespace DataOps.Functions.Glean;

internal sealed partial class GleanConnectorService
{
    public async Task<ConnectorHealth> ProbeHealthAsync(GleanConnector connector, long expectedDocumentCount, CancellationToken cancellationToken = default)
    {
        var problems = new List<string>();
        var started = time.GetTimestamp();
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

        var elapsed = time.GetElapsedTime(started);
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
        var limit = Options.SampleQueryTimeout;
        var started = Stopwatch.GetTimestamp();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(limit);
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
                timeout.Token);
            var elapsed = Stopwatch.GetElapsedTime(started);
            var count = response?.Results?.Count ?? 0;
            var error = count == 0 ? "no result" : elapsed >= limit ? $"took {elapsed.TotalMilliseconds:F0} ms" : null;
            return new SampleQueryResult(query, count, elapsed, error, error is null);
        }
        catch (GleanException ex)
        {
            return new SampleQueryResult(query, 0, Stopwatch.GetElapsedTime(started), ex.Message, false, Unanswered: ex.IsTransient);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return new SampleQueryResult(query, 0, Stopwatch.GetElapsedTime(started), $"no answer within {limit.TotalSeconds:F0} s", false);
        }
    }
}
