using System.Globalization;
using DataOps.GleanEmulator.Contracts;

namespace DataOps.GleanEmulator.Infrastructure;

/// <summary>Writes Glean's <c>{error, message}</c> error body.</summary>
internal static class ApiErrors
{
    public static Task WriteAsync(HttpContext context, int status, string error, string message, int? retryAfterSeconds = null)
    {
        context.Response.StatusCode = status;
        if (retryAfterSeconds is { } seconds)
        {
            context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        }

        return context.Response.WriteAsJsonAsync(new ErrorBody(error, message), context.RequestAborted);
    }

    public static string ErrorName(int status) => status switch
    {
        StatusCodes.Status400BadRequest => "bad_request",
        StatusCodes.Status401Unauthorized => "unauthorized",
        StatusCodes.Status403Forbidden => "forbidden",
        StatusCodes.Status408RequestTimeout => "request_timeout",
        StatusCodes.Status409Conflict => "conflict",
        StatusCodes.Status413PayloadTooLarge => "payload_too_large",
        StatusCodes.Status422UnprocessableEntity => "invalid_query",
        StatusCodes.Status429TooManyRequests => "rate_limited",
        StatusCodes.Status503ServiceUnavailable => "unavailable",
        StatusCodes.Status504GatewayTimeout => "timeout",
        _ => "internal_error",
    };
}
