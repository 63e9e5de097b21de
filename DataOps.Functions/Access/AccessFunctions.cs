using Microsoft.Azure.Functions.Worker;

namespace DataOps.Functions.Access;

/// <summary><c>GET /api/me</c>: who the API takes the caller for and what its roles let it do (the dashboard draws from it).</summary>
public sealed class AccessFunctions(RequestAccess access)
{
    /// <summary>The caller's kind, name, roles, clients and permissions; 401 without a valid credential.</summary>
    [Function(nameof(GetCaller))]
    public async Task<IResult> GetCaller(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "me")] HttpRequest request)
    {
        // Any valid credential may ask, even one with no DataOps role: the answer then says it may do nothing.
        var check = await access.RequireAsync(request, _ => true, "ask who it is");
        if (!check.Allowed)
        {
            return check.Refusal!;
        }

        return Results.Ok(CallerView.From(check.Caller!));
    }
}
