using System.Text.Json;
using DataOps.LocalHost.Hosting.Http;
using DurableTask.Core.Exceptions;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace DataOps.LocalHost.Hosting.Management;

/// <summary>
/// The Durable Functions HTTP management API under <c>/runtime/webhooks/durabletask</c>. Durable Functions
/// guards it with the system key; this host accepts any function key (<c>AuthorizationLevel.Function</c>).
/// Mapped only when a <see cref="DurableTaskClient"/> is registered.
/// </summary>
internal static class DurableManagementApi
{
    public static void Map(WebApplication app)
    {
        if (!app.Services.GetRequiredService<IServiceProviderIsService>().IsService(typeof(DurableTaskClient)))
        {
            return;
        }

        var instance = ManagementRoutes.Instances + "/{instanceId}";
        app.MapGet(instance, Guard(InstanceEndpoints.GetStatusAsync));
        app.MapDelete(instance, Guard(InstanceEndpoints.PurgeAsync));
        app.MapPost(instance + "/raiseEvent/{eventName}", Guard(InstanceEndpoints.RaiseEventAsync));
        app.MapPost(instance + "/terminate", Guard(InstanceEndpoints.TerminateAsync));
        app.MapPost(instance + "/suspend", Guard(InstanceEndpoints.SuspendAsync));
        app.MapPost(instance + "/resume", Guard(InstanceEndpoints.ResumeAsync));
        app.MapPost(ManagementRoutes.Root + "/orchestrators/{functionName}/{instanceId?}", Guard(InstanceEndpoints.StartAsync));
    }

    /// <summary>Function-key check, body limit and the mapping of client errors to problem details around each endpoint.</summary>
    private static RequestDelegate Guard(Func<HttpContext, DurableTaskClient, Task<IResult>> handler) => async http =>
    {
        if (!http.RequestServices.GetRequiredService<FunctionKeyAuthorizer>().IsAuthorized(http.Request, AuthorizationLevel.Function))
        {
            await Problems.WriteAsync(http, StatusCodes.Status401Unauthorized, "Unauthorized",
                $"The management API needs a valid key in the '{FunctionKeyAuthorizer.HeaderName}' header or the '{FunctionKeyAuthorizer.QueryName}' query parameter.");
            return;
        }

        if (await RequestGuards.RejectOversizedBodyAsync(http))
        {
            return;
        }

        IResult result;
        try
        {
            result = await handler(http, http.RequestServices.GetRequiredService<DurableTaskClient>());
        }
        catch (OrchestrationAlreadyExistsException ex)
        {
            result = Problem(http, StatusCodes.Status409Conflict, "Instance already running", ex.Message);
        }
        catch (ArgumentException ex)
        {
            result = Problem(http, StatusCodes.Status400BadRequest, "Bad request", ex.Message);
        }
        catch (JsonException ex)
        {
            result = Problem(http, StatusCodes.Status400BadRequest, "Bad request", $"The request body is not valid JSON: {ex.Message}");
        }

        await result.ExecuteAsync(http);
    };

    internal static IResult Problem(HttpContext http, int status, string title, string detail) =>
        Results.Problem(detail, http.Request.Path, status, title, $"https://httpstatuses.io/{status}");
}
