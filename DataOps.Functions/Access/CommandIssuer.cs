namespace DataOps.Functions.Access;

/// <summary>Who issued a command, as the audit log and the events record it (never a credential).</summary>
/// <param name="Kind"><c>function_key</c>, <c>bearer_token</c> or <c>app_service_principal</c>.</param>
/// <param name="ObjectId">The token's object id; <c>function-key</c> for a key.</param>
/// <param name="Name">The caller's name; <c>function key</c> for a key.</param>
/// <param name="Roles">Its DataOps roles.</param>
public sealed record CommandIssuer(string Kind, string ObjectId, string Name, IReadOnlyList<string> Roles)
{
    public static CommandIssuer From(Caller caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var kind = caller.Kind switch
        {
            CallerKind.FunctionKey => "function_key",
            CallerKind.BearerToken => "bearer_token",
            _ => "app_service_principal",
        };
        return new CommandIssuer(kind, caller.ObjectId, caller.Name, AccessRoleNames.Names(caller.Roles));
    }
}
