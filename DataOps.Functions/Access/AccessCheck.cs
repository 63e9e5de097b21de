namespace DataOps.Functions.Access;

/// <summary>The outcome of an access check: the caller when allowed, else the refusal to answer with.</summary>
/// <param name="Caller">The caller; null when refused before it was known.</param>
/// <param name="Refusal">401, 403 or 404 problem details; null when allowed.</param>
public readonly record struct AccessCheck(Caller? Caller, IResult? Refusal)
{
    /// <summary>Whether the request may go on; then <see cref="Caller"/> is set.</summary>
    public bool Allowed => Refusal is null && Caller is not null;
}
