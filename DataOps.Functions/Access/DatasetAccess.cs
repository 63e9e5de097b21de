using DataOps.Domain.Datasets;
using DataOps.Functions.Registry;

namespace DataOps.Functions.Access;

/// <summary>
/// The access check of a route on one dataset: who is calling (401), then whether the dataset belongs to a client it
/// may see: another client's dataset answers the route's own 404, exactly as an unknown one, so existence does not
/// leak; only then does a role that may see it but not do this get 403.
/// </summary>
public sealed class DatasetAccess(CallerAuthenticator authenticator, IDatasetRegistry registry)
{
    /// <summary>
    /// A caller that may do <paramref name="action"/> on dataset <paramref name="id"/>. An id that is not a dataset id is
    /// let through for the route to answer 400 (it names no client's dataset).
    /// </summary>
    /// <param name="request">The request.</param>
    /// <param name="id">The route's dataset id.</param>
    /// <param name="action">What the route does to it.</param>
    /// <param name="what">The action in words, for a 403.</param>
    /// <param name="notFound">The route's 404 for an unknown dataset, given for another client's too.</param>
    /// <param name="cancellationToken">Cancels the lookup.</param>
    public async Task<AccessCheck> CheckAsync(HttpRequest request, string id, DatasetAction action, string what, Func<IResult> notFound, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notFound);
        var caller = await authenticator.AuthenticateAsync(request);
        if (caller is null)
        {
            return new AccessCheck(null, AccessProblems.Unauthorized());
        }

        if (!caller.HasAnyRole)
        {
            return new AccessCheck(caller, AccessProblems.Forbidden(caller, what));
        }

        if (!DatasetId.TryCreate(id, out var datasetId, out _))
        {
            return new AccessCheck(caller, null);
        }

        if (caller.SeesEveryClient)
        {
            // Nothing to hide from a caller that sees every client: the route answers an unknown id itself.
            return caller.AllowsAnywhere(action) ? new AccessCheck(caller, null) : new AccessCheck(caller, AccessProblems.Forbidden(caller, what));
        }

        var record = await registry.GetAsync(datasetId, cancellationToken);
        if (record is null || !caller.CanRead(record.Dataset.ClientId))
        {
            return new AccessCheck(caller, notFound());
        }

        return caller.Allows(action, record.Dataset.ClientId) ? new AccessCheck(caller, null) : new AccessCheck(caller, AccessProblems.Forbidden(caller, what));
    }
}
