using System.Text.Json;
using DataOps.GleanEmulator.Infrastructure;
using DataOps.GleanEmulator.State;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace DataOps.GleanEmulator.Endpoints;

/// <summary>Reads JSON bodies and writes <see cref="OperationResult"/>s in Glean's shapes.</summary>
internal static class EndpointIo
{
    public static async Task<(T? Value, bool Ok)> ReadAsync<T>(HttpContext context)
    {
        if (context.Request.ContentLength is 0)
        {
            return (default, true);
        }

        try
        {
            var options = context.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
            var value = await JsonSerializer.DeserializeAsync<T>(context.Request.Body, options, context.RequestAborted);
            RequestTargets.NoteBody(context, value);
            return (value, true);
        }
        catch (JsonException ex)
        {
            await ApiErrors.WriteAsync(context, 400, "bad_request", $"request body is not valid JSON for this endpoint: {ex.Message}");
            return (default, false);
        }
    }

    public static Task WriteAsync(HttpContext context, OperationResult result)
    {
        if (!result.IsSuccess)
        {
            return ApiErrors.WriteAsync(context, result.Status, result.Error ?? ApiErrors.ErrorName(result.Status), result.Message ?? string.Empty);
        }

        context.Response.StatusCode = StatusCodes.Status200OK;
        return result.Body is null ? Task.CompletedTask : context.Response.WriteAsJsonAsync(result.Body, result.Body.GetType(), context.RequestAborted);
    }

    /// <summary>Reads the body as <typeparamref name="T"/>, runs the operation and writes its result.</summary>
    public static RequestDelegate Handle<T>(Func<T?, HttpContext, OperationResult> operation) => async context =>
    {
        var (value, ok) = await ReadAsync<T>(context);
        if (ok)
        {
            await WriteAsync(context, operation(value, context));
        }
    };
}
