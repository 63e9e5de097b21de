using System.Diagnostics;
using DataOps.GleanEmulator.Contracts;
using DataOps.GleanEmulator.Infrastructure;
using DataOps.GleanEmulator.Search;
using DataOps.GleanEmulator.State;

namespace DataOps.GleanEmulator.Endpoints;

/// <summary>
/// <c>POST /rest/api/v1/search</c>, made as the user the middleware resolved from the token: only what that user may see
/// is searched. 422 for an empty query, 408 when the latency passes <c>timeoutMillis</c>.
/// </summary>
internal static class SearchEndpoint
{
    public static void Map(WebApplication app)
    {
        var state = app.Services.GetRequiredService<EmulatorState>();
        var time = app.Services.GetRequiredService<TimeProvider>();
        app.MapPost(GleanApiMiddleware.SearchPath, async context =>
        {
            var started = Stopwatch.GetTimestamp();
            var (request, ok) = await EndpointIo.ReadAsync<SearchRequest>(context);
            if (!ok)
            {
                return;
            }

            var validation = SearchEngine.Validate(request);
            if (!validation.IsSuccess)
            {
                await EndpointIo.WriteAsync(context, validation);
                return;
            }

            var latency = context.Items[GleanApiMiddleware.LatencyItem] as int? ?? 0;
            if (request!.TimeoutMillis is { } timeout and > 0 && latency > timeout)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(timeout), time, context.RequestAborted);
                await ApiErrors.WriteAsync(context, 408, "request_timeout", $"search did not finish within timeoutMillis {timeout}");
                return;
            }

            if (latency > 0)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(latency), time, context.RequestAborted);
            }

            var options = request.RequestOptions;
            var filter = new List<string>(options?.DatasourcesFilter ?? []);
            if (options?.DatasourceFilter is { Length: > 0 } single)
            {
                filter.Add(single);
            }

            var searcher = (string)context.Items[GleanApiMiddleware.SearcherItem]!;
            var response = state.ReadDocuments(filter, searcher, documents =>
                SearchEngine.Run(request, documents, (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds));
            await EndpointIo.WriteAsync(context, OperationResult.Ok(response));
        });
    }
}
