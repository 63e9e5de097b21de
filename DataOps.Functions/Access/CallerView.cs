namespace DataOps.Functions.Access;

/// <summary>The caller as <c>GET /api/me</c> shows it.</summary>
/// <param name="Kind"><c>function_key</c>, <c>bearer_token</c> or <c>app_service_principal</c>.</param>
/// <param name="ObjectId">Its object id.</param>
/// <param name="Name">Its name.</param>
/// <param name="Roles">Its DataOps roles.</param>
/// <param name="SeesEveryClient">Whether it reads every client.</param>
/// <param name="Clients">An Engineer's clients.</param>
/// <param name="May">What it may do, by action.</param>
public sealed record CallerView(
    string Kind,
    string ObjectId,
    string Name,
    IReadOnlyList<string> Roles,
    bool SeesEveryClient,
    IReadOnlyList<string> Clients,
    IReadOnlyDictionary<string, bool> May)
{
    public static CallerView From(Caller caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var issuer = CommandIssuer.From(caller);
        return new CallerView(
            issuer.Kind,
            caller.ObjectId,
            caller.Name,
            issuer.Roles,
            caller.SeesEveryClient,
            [.. caller.Clients.Order(StringComparer.Ordinal)],
            new Dictionary<string, bool>(StringComparer.Ordinal)
            {
                ["read"] = caller.HasAnyRole,
                ["provision"] = caller.MayWork,
                ["validate"] = caller.MayWork,
                ["retry"] = caller.MayWork,
                ["bulkRetry"] = caller.IsOperator,
                ["teardown"] = caller.IsOperator,
                ["cancelTeardown"] = caller.IsOperator,
                ["extendTeardown"] = caller.IsOperator,
                ["terminateTeardown"] = caller.IsOperator,
                ["readOperations"] = caller.SeesEveryClient,
                ["discoverTemplates"] = caller.IsOperator,
                ["produceReports"] = caller.IsOperator,
            });
    }
}
