namespace DataOps.Domain.Registry;

/// <summary>The outcome of a registry rule: allowed, or refused with the reason (naming the conflicting dataset).</summary>
/// <param name="Allowed">Whether the rule holds.</param>
/// <param name="Reason">Why not, or a short confirmation.</param>
public sealed record RegistryCheck(bool Allowed, string Reason)
{
    /// <summary>An allowed outcome.</summary>
    public static RegistryCheck Allow(string reason) => new(true, reason);

    /// <summary>A refused outcome.</summary>
    public static RegistryCheck Refuse(string reason) => new(false, reason);
}
