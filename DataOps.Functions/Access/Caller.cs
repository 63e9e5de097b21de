using DataOps.Domain.Common;
using DataOps.Domain.Datasets;

namespace DataOps.Functions.Access;

/// <summary>
/// Who sent a request and what its roles let it do. Rights add up over roles: a Reader reads every client, an Engineer
/// reads and works on the clients of its token only, an Operator does everything for every client.
/// </summary>
/// <param name="Kind">How it proved who it is.</param>
/// <param name="ObjectId">The token's <c>oid</c> (or <c>sub</c>); <c>function-key</c> for a key.</param>
/// <param name="Name">Its name: the token's <c>preferred_username</c>, <c>name</c> or object id; <c>function key</c> for a key.</param>
/// <param name="Roles">Its DataOps roles.</param>
/// <param name="Clients">The clients of an Engineer (<c>dataops_clients</c>), normalized client ids.</param>
public sealed record Caller(CallerKind Kind, string ObjectId, string Name, AccessRoles Roles, IReadOnlySet<string> Clients)
{
    /// <summary>What the audit log and the events say for a function key: it names no person.</summary>
    public const string FunctionKeyName = "function key";

    /// <summary>Any caller holding a function key: a service with operator rights, as before identities existed.</summary>
    public static Caller FunctionKey { get; } = new(CallerKind.FunctionKey, "function-key", FunctionKeyName, AccessRoles.Operator, new HashSet<string>());

    /// <summary>Whether the caller is a person (or an app) identified by a token rather than a key.</summary>
    public bool IsPerson => Kind != CallerKind.FunctionKey;

    /// <summary>
    /// What a provisioning request records as <c>requestedBy</c> for a person: its name, or its object id when the name
    /// is not a valid actor (a character the registry refuses).
    /// </summary>
    public string RequestedBy => IdentifierRules.Check(Name, DataOps.Domain.Events.DatasetProvisionRequested.MaxRequestedByLength, allowInnerSpaces: true) is null ? Name : ObjectId;

    /// <summary>Whether it holds any DataOps role.</summary>
    public bool HasAnyRole => Roles != AccessRoles.None;

    /// <summary>Whether it reads every client's datasets (Reader, Operator, function key).</summary>
    public bool SeesEveryClient => (Roles & (AccessRoles.Reader | AccessRoles.Operator)) != 0;

    /// <summary>Whether it may tear down, cancel, extend, terminate and run bulk actions.</summary>
    public bool IsOperator => Roles.HasFlag(AccessRoles.Operator);

    /// <summary>Whether it may provision, validate or retry at all (for some client).</summary>
    public bool MayWork => (Roles & (AccessRoles.Engineer | AccessRoles.Operator)) != 0;

    /// <summary>Whether it may read the client's datasets.</summary>
    public bool CanRead(ClientId clientId) => SeesEveryClient || IsEngineerOf(clientId);

    /// <summary>Whether it may provision, validate or retry the client's datasets.</summary>
    public bool CanWork(ClientId clientId) => IsOperator || IsEngineerOf(clientId);

    /// <summary>Whether it may do <paramref name="action"/> on a dataset of the client (reading it aside).</summary>
    public bool Allows(DatasetAction action, ClientId clientId) => action switch
    {
        DatasetAction.Read => CanRead(clientId),
        DatasetAction.Work => CanWork(clientId),
        _ => IsOperator,
    };

    /// <summary>Whether it may do <paramref name="action"/> on a dataset of any client it can see.</summary>
    public bool AllowsAnywhere(DatasetAction action) => action switch
    {
        DatasetAction.Read => HasAnyRole,
        DatasetAction.Work => MayWork,
        _ => IsOperator,
    };

    private bool IsEngineerOf(ClientId clientId) => Roles.HasFlag(AccessRoles.Engineer) && Clients.Contains(clientId.Value);
}
