using DataOps.GleanEmulator.Contracts;
using DataOps.GleanEmulator.Faults;
using DataOps.GleanEmulator.Infrastructure;
using DataOps.GleanEmulator.State;

namespace DataOps.GleanEmulator.Endpoints;

/// <summary>The indexing API subset under <c>/api/index/v1</c> (every endpoint is a POST with JSON).</summary>
internal static class IndexingEndpoints
{
    public static void Map(WebApplication app)
    {
        var state = app.Services.GetRequiredService<EmulatorState>();
        var faults = app.Services.GetRequiredService<FaultInjector>();
        var limits = app.Services.GetRequiredService<RateLimits>();
        var api = app.MapGroup(GleanApiMiddleware.IndexingPrefix);

        api.MapPost("/adddatasource", EndpointIo.Handle<CustomDatasourceConfig>((config, _) => state.AddDatasource(config)));
        api.MapPost("/getdatasourceconfig", EndpointIo.Handle<DatasourceRequest>((request, _) => state.GetDatasourceConfig(request)));
        api.MapPost("/bulkindexdocuments", EndpointIo.Handle<BulkIndexDocumentsRequest>((request, _) => state.BulkIndex(request)));
        api.MapPost("/deletedocument", EndpointIo.Handle<DeleteDocumentRequest>((request, _) => state.DeleteDocument(request)));
        api.MapPost("/betausers", EndpointIo.Handle<BetaUsersRequest>((request, _) => state.SetBetaUsers(request)));
        api.MapPost("/indexdocuments", async context =>
        {
            var (request, ok) = await EndpointIo.ReadAsync<IndexDocumentsRequest>(context);
            if (!ok)
            {
                return;
            }

            var count = request?.Documents?.Count ?? 0;
            if (limits.Enabled && count > limits.DocumentCapacity)
            {
                await ApiErrors.WriteAsync(context, 413, "payload_too_large", $"/indexdocuments accepts at most {limits.DocumentCapacity} documents per minute; use /bulkindexdocuments");
                return;
            }

            var token = (string)context.Items[GleanApiMiddleware.TokenItem]!;
            if (!limits.TryDocuments(token, count, out var wait))
            {
                await ApiErrors.WriteAsync(context, 429, "rate_limited", "/indexdocuments is limited in documents per minute", (int)Math.Ceiling(wait.TotalSeconds));
                return;
            }

            await EndpointIo.WriteAsync(context, state.IndexDocuments(request));
        });
        api.MapPost("/debug/{datasource}/status", (HttpContext context, string datasource) =>
        {
            RequestTargets.Note(context, datasource);
            return EndpointIo.WriteAsync(context, state.GetStatus(datasource, faults.IsUnhealthy(datasource)));
        });
        api.MapPost("/debug/{datasource}/document", async (HttpContext context, string datasource) =>
        {
            RequestTargets.Note(context, datasource);
            var (request, ok) = await EndpointIo.ReadAsync<DebugDocumentRequest>(context);
            if (ok)
            {
                await EndpointIo.WriteAsync(context, state.GetDocumentStatus(datasource, request, faults.IsUnhealthy(datasource)));
            }
        });
    }
}
