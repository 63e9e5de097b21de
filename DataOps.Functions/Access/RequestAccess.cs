namespace DataOps.Functions.Access;

/// <summary>
/// The access checks every HTTP function makes before it reads or changes anything: who is calling (401 when nobody
/// valid) and whether its roles allow the route (403). Routes on one dataset use <see cref="DatasetAccess"/>.
/// </summary>
public sealed class RequestAccess(CallerAuthenticator authenticator)
{
    /// <summary>Any caller with a DataOps role (templates, dataset lists, teardown lists).</summary>
    public Task<AccessCheck> SignedInAsync(HttpRequest request) => RequireAsync(request, c => c.HasAnyRole, "use this API");

    /// <summary>A caller for whom <paramref name="allowed"/> holds; else 403 saying it may not <paramref name="what"/>.</summary>
    public async Task<AccessCheck> RequireAsync(HttpRequest request, Func<Caller, bool> allowed, string what)
    {
        ArgumentNullException.ThrowIfNull(allowed);
        var caller = await authenticator.AuthenticateAsync(request);
        if (caller is null)
        {
            return new AccessCheck(null, AccessProblems.Unauthorized());
        }

        return allowed(caller) ? new AccessCheck(caller, null) : new AccessCheck(caller, AccessProblems.Forbidden(caller, what));
    }
}
