namespace DataOps.Functions.Access;

/// <summary>The refusals of the access checks, as RFC 7807 problem details.</summary>
internal static class AccessProblems
{
    /// <summary>401: no credential, or one that does not hold (expired, wrong audience or signature, unknown key).</summary>
    public static IResult Unauthorized() => new UnauthorizedProblem();

    /// <summary>403: the caller is known, and its roles do not allow this.</summary>
    public static IResult Forbidden(Caller caller, string what)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var roles = AccessRoleNames.Names(caller.Roles);
        return Results.Problem(
            title: "Forbidden",
            detail: $"{(roles.Count == 0 ? "A caller with no DataOps role" : "Role " + string.Join(", ", roles))} may not {what}.",
            statusCode: StatusCodes.Status403Forbidden);
    }

    // A problem with the challenge header, so clients know to send a bearer token (or a key).
    private sealed class UnauthorizedProblem : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            ArgumentNullException.ThrowIfNull(httpContext);
            httpContext.Response.Headers.WWWAuthenticate = "Bearer";
            return Results.Problem(
                title: "Unauthorized",
                detail: $"Send a function key in the '{FunctionKeyCheck.HeaderName}' header (or the '{FunctionKeyCheck.QueryName}' query parameter) or an Entra ID bearer token in the Authorization header.",
                statusCode: StatusCodes.Status401Unauthorized).ExecuteAsync(httpContext);
        }
    }
}
