using DataOps.Functions.Access;

namespace DataOps.Functions.OpenApi;

/// <summary>
/// Who may call an operation, as the document states it: the rule in words and the predicate the function asks of
/// its <see cref="Caller"/> (one of the caller's own rights, not a copy of them), from which the roles are derived.
/// </summary>
/// <param name="Rule">The rule in words.</param>
/// <param name="Allows">The caller's right the function checks; null for an anonymous operation.</param>
internal sealed record ApiAccess(string Rule, Func<Caller, bool>? Allows)
{
    /// <summary>No credential needed.</summary>
    public static ApiAccess Anonymous { get; } = new("Anonymous: no credential is needed.", null);

    /// <summary>Any caller with a DataOps role.</summary>
    public static ApiAccess SignedIn { get; } = new("Any caller with a DataOps role; an Engineer sees only its clients.", c => c.HasAnyRole);

    /// <summary>Any valid credential, with or without a role.</summary>
    public static ApiAccess AnyCredential { get; } = new("Any valid credential, even one with no DataOps role.", _ => true);

    /// <summary>Roles that see every client.</summary>
    public static ApiAccess EstateRead { get; } = new("Roles that see every client.", c => c.SeesEveryClient);

    /// <summary>Operators only.</summary>
    public static ApiAccess OperatorOnly { get; } = new("Operators only.", c => c.IsOperator);

    /// <summary>Provisioning: Operators, and Engineers for the clients their token lists.</summary>
    public static ApiAccess Provision { get; } = new($"Operators; Engineers only for a client their token lists ({AccessRoleNames.ClientsClaim}).", c => c.MayWork);

    /// <summary>A route on one dataset: another client's dataset answers 404 to an Engineer, as an unknown one.</summary>
    public static ApiAccess Dataset(DatasetAction action) => new(
        action switch
        {
            DatasetAction.Read => "Readers and Operators for every dataset; Engineers for their clients' datasets (another client's answers 404).",
            DatasetAction.Work => "Operators for every dataset; Engineers for their clients' datasets (another client's answers 404); Readers get 403.",
            _ => "Operators only; a Reader, or an Engineer for its own client's dataset, gets 403, another client's dataset answers 404.",
        },
        c => c.AllowsAnywhere(action));

    /// <summary>The role names that may call, derived by asking <see cref="Allows"/> of a caller holding each role alone.</summary>
    public IReadOnlyList<string> Roles()
    {
        if (Allows is null)
        {
            return [];
        }

        return [.. new[] { AccessRoles.Reader, AccessRoles.Engineer, AccessRoles.Operator }
            .Where(role => Allows(new Caller(CallerKind.BearerToken, "openapi", "openapi", role, new HashSet<string>())))
            .SelectMany(AccessRoleNames.Names)];
    }
}
