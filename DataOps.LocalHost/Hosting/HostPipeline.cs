using DataOps.LocalHost.Hosting.Http;
using DataOps.LocalHost.Hosting.Indexing;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;

namespace DataOps.LocalHost.Hosting;

/// <summary>Maps HTTP functions under the route prefix, the durable management API and a problem-details 404.</summary>
internal static class HostPipeline
{
    public static void Map(WebApplication app, IReadOnlyList<IndexedFunction> functions)
    {
        app.UseMiddleware<RequestLoggingMiddleware>();
        app.UseRouting();
        app.Use(NotFoundOrNotAllowedAsync);
        var prefix = app.Services.GetRequiredService<IOptions<HttpOptions>>().Value.RoutePrefix.Trim('/');
        foreach (var function in functions)
        {
            if (function.Trigger is not HttpTriggerDefinition trigger)
            {
                continue;
            }

            var pattern = "/" + (prefix.Length == 0 ? trigger.Route : prefix + "/" + trigger.Route);
            var endpoint = new HttpFunctionEndpoint(function, trigger);
            var builder = trigger.Methods.Count == 0
                ? app.Map(pattern, endpoint.HandleAsync)
                : app.MapMethods(pattern, trigger.Methods, endpoint.HandleAsync);
            builder.WithDisplayName(function.Name);
        }

        WebJobs.ManagementApi.Map(app);

        var keys = app.Services.GetRequiredService<FunctionKeyAuthorizer>();
        if (!keys.HasAnyKey && functions.Any(f => f.Trigger is HttpTriggerDefinition { AuthLevel: not AuthorizationLevel.Anonymous }))
        {
            app.Logger.LogWarning("No function keys are configured (section FunctionKeys): every function-level HTTP function will answer 401.");
        }
    }

    /// <summary>Gives unmatched paths and wrong methods problem-details bodies (routing itself answers 405 with none).</summary>
    private static async Task NotFoundOrNotAllowedAsync(HttpContext context, RequestDelegate next)
    {
        if (context.GetEndpoint() is null)
        {
            await Problems.WriteAsync(context, StatusCodes.Status404NotFound, "Not found",
                $"No function serves {context.Request.Method} {context.Request.Path}.");
            return;
        }

        await next(context);
        if (context.Response.StatusCode == StatusCodes.Status405MethodNotAllowed && !context.Response.HasStarted)
        {
            await Problems.WriteAsync(context, StatusCodes.Status405MethodNotAllowed, "Method not allowed",
                $"No function serves {context.Request.Method} {context.Request.Path}; see the Allow header.");
        }
    }
}
