namespace DataOps.Functions.Access;

/// <summary>The names of the app roles and claims as they appear in tokens and in the app registration.</summary>
public static class AccessRoleNames
{
    public const string Reader = "DataOps.Reader";
    public const string Engineer = "DataOps.Engineer";
    public const string Operator = "DataOps.Operator";

    /// <summary>The app roles claim of Entra ID access tokens.</summary>
    public const string RolesClaim = "roles";

    /// <summary>The optional claim listing an engineer's clients (a string array).</summary>
    public const string ClientsClaim = "dataops_clients";

    /// <summary>The roles a token's <c>roles</c> claim values grant; unknown values are ignored.</summary>
    public static AccessRoles Parse(IEnumerable<string> values)
    {
        var roles = AccessRoles.None;
        foreach (var value in values)
        {
            roles |= value switch
            {
                Reader => AccessRoles.Reader,
                Engineer => AccessRoles.Engineer,
                Operator => AccessRoles.Operator,
                _ => AccessRoles.None,
            };
        }

        return roles;
    }

    /// <summary>The role names of <paramref name="roles"/>, for answers and the dashboard.</summary>
    public static IReadOnlyList<string> Names(AccessRoles roles)
    {
        var names = new List<string>();
        if (roles.HasFlag(AccessRoles.Reader))
        {
            names.Add(Reader);
        }

        if (roles.HasFlag(AccessRoles.Engineer))
        {
            names.Add(Engineer);
        }

        if (roles.HasFlag(AccessRoles.Operator))
        {
            names.Add(Operator);
        }

        return names;
    }
}
