using Microsoft.AspNetCore.Mvc;

namespace DataOps.LocalHost.Hosting.Http;

/// <summary>Writes RFC 7807 <c>application/problem+json</c> responses.</summary>
internal static class Problems
{
    public static Task WriteAsync(HttpContext context, int status, string title, string? detail = null, string? correlationId = null)
    {
        var problem = new ProblemDetails
        {
            Status = status,
            Title = title,
            Detail = detail,
            Type = $"https://httpstatuses.io/{status}",
            Instance = context.Request.Path,
        };
        if (correlationId is not null)
        {
            problem.Extensions["correlationId"] = correlationId;
        }

        return Result(problem).ExecuteAsync(context);
    }

    public static IResult Result(ProblemDetails problem) =>
        Results.Problem(problem);
}
