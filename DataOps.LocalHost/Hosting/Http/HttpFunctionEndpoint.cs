using DataOps.Functions.Access;
using DataOps.LocalHost.Hosting.Indexing;
using DataOps.LocalHost.Hosting.Invocation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.Azure.Functions.Worker;

namespace DataOps.LocalHost.Hosting.Http;

/// <summary>The request delegate of one HTTP function: key check, invocation, result and error mapping.</summary>
internal sealed class HttpFunctionEndpoint(IndexedFunction function, HttpTriggerDefinition trigger)
{
    public async Task HandleAsync(HttpContext http)
    {
        var services = http.RequestServices;
        var keys = services.GetRequiredService<FunctionKeyAuthorizer>();
        if (function.Disabled && !keys.IsAuthorized(http.Request, AuthorizationLevel.Admin))
        {
            // As in Azure Functions: a disabled function is not found, except for callers with the master key.
            await Problems.WriteAsync(http, StatusCodes.Status404NotFound, "Not found",
                $"Function '{function.Name}' is disabled (setting {FunctionIndexer.DisabledSetting(function.Name)}).");
            return;
        }

        if (!keys.IsAuthorized(http.Request, trigger.AuthLevel))
        {
            await Problems.WriteAsync(http, StatusCodes.Status401Unauthorized, "Unauthorized",
                $"This function needs a valid key in the '{FunctionKeyCheck.HeaderName}' header or the '{FunctionKeyCheck.QueryName}' query parameter.");
            return;
        }

        if (await RequestGuards.RejectOversizedBodyAsync(http))
        {
            return;
        }

        await using var scope = new InvocationScope(services, function, http.RequestAborted);
        scope.Context.SetBindingData(http.Request.RouteValues.ToDictionary(v => v.Key, v => v.Value, StringComparer.OrdinalIgnoreCase));
        var data = new InvocationData(scope.Context) { HttpContext = http };
        var logger = scope.Context.Logger;
        var invocationId = scope.Context.InvocationId;
        try
        {
            var arguments = FunctionInvoker.BindArguments(function, data);
            var result = await FunctionInvoker.InvokeAsync(function, data, arguments);
            await WriteResultAsync(http, result);
        }
        catch (ParameterBindingException ex)
        {
            await Problems.WriteAsync(http, StatusCodes.Status400BadRequest, "Bad request", ex.Message);
        }
        catch (BadHttpRequestException ex) when (!http.Response.HasStarted)
        {
            // The rest of a malformed or oversized body is never read: the connection cannot carry another request.
            http.Response.Headers.Connection = "close";
            await Problems.WriteAsync(http, ex.StatusCode, ex.StatusCode == StatusCodes.Status413PayloadTooLarge ? "Payload too large" : "Bad request",
                ex.StatusCode == StatusCodes.Status413PayloadTooLarge ? "The request body is larger than the host accepts." : ex.Message);
        }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
        {
            if (logger.IsEnabled(LogLevel.Information))
            {
                logger.LogInformation("Invocation {InvocationId} of {Function} stopped: the caller disconnected", invocationId, function.Name);
            }
        }
        catch (Exception ex) when (!http.Response.HasStarted)
        {
            var timedOut = scope.TimedOut;
            var reason = timedOut ? " after exceeding functionTimeout" : string.Empty;
            logger.LogError(ex, "Invocation {InvocationId} of {Function} failed{Reason} (correlation id {CorrelationId})",
                invocationId, function.Name, reason, invocationId);
            await Problems.WriteAsync(http, StatusCodes.Status500InternalServerError,
                timedOut ? "The function timed out" : "An unexpected error occurred",
                $"Quote correlation id {invocationId} when reporting this.", invocationId);
        }
    }

    private static async Task WriteResultAsync(HttpContext http, object? result)
    {
        switch (result)
        {
            case null:
                http.Response.StatusCode = StatusCodes.Status204NoContent;
                break;
            case IResult minimal:
                await minimal.ExecuteAsync(http);
                break;
            case IActionResult action:
                var context = new ActionContext(http, http.GetRouteData(), new ActionDescriptor());
                await action.ExecuteResultAsync(context);
                break;
            case string text:
                await Results.Text(text).ExecuteAsync(http);
                break;
            default:
                await Results.Json(result, ParameterBinders.Json).ExecuteAsync(http);
                break;
        }
    }
}
