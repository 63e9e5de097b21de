namespace DataOps.Functions.Access;

/// <summary>The Entra ID app roles the API knows, as flags: a token may carry several, and their rights add up.</summary>
[Flags]
public enum AccessRoles
{
    /// <summary>No DataOps role: signed in, but allowed nothing beyond health.</summary>
    None = 0,

    /// <summary><c>DataOps.Reader</c>: reads every client's datasets, changes nothing (an auditor).</summary>
    Reader = 1,

    /// <summary><c>DataOps.Engineer</c>: provisions, validates, retries and reads, only for the clients in <c>dataops_clients</c>.</summary>
    Engineer = 2,

    /// <summary><c>DataOps.Operator</c>: everything for every client: teardown, cancel, extend, terminate, bulk actions.</summary>
    Operator = 4,
}
