using DataOps.Domain.Datasets;

namespace DataOps.Domain.Registry;

/// <summary>
/// The registry invariants of DDD-003 as pure checks over the datasets already registered: only one active
/// dataset (provisioning, validating, ready or teardown) per client, stage and type; connector names unique
/// across all stages among datasets not yet archived (an archived dataset's connector is retired, so its name
/// may be used again). A failed dataset frees its active slot but keeps its connector name reserved, because its
/// connector may still exist: since the name is derived from client name, stage and type, a new dataset for that
/// slot needs the failed one retried, or torn down and archived, first. The storage layer enforces the same rules
/// atomically with <see cref="RegistryKeys"/>.
/// </summary>
public static class RegistryInvariants
{
    /// <summary>
    /// Whether <paramref name="candidate"/> may become (or, on retry, become again) active next to
    /// <paramref name="existing"/>; the candidate itself is ignored if it appears among them.
    /// </summary>
    public static RegistryCheck CanActivate(IEnumerable<Dataset> existing, Dataset candidate)
    {
        ArgumentNullException.ThrowIfNull(existing);
        ArgumentNullException.ThrowIfNull(candidate);
        var others = existing.Where(d => d.Id != candidate.Id).ToArray();
        var slot = RegistryKeys.ActiveSlot(candidate.ClientId, candidate.Stage, candidate.Type);
        var active = others.FirstOrDefault(d => d.IsActive && RegistryKeys.ActiveSlot(d.ClientId, d.Stage, d.Type) == slot);
        if (active is not null)
        {
            return RegistryCheck.Refuse($"client {candidate.ClientId.Value} already has an active {candidate.Type.ToWireName()} dataset in {candidate.Stage.ToWireName()}: {active.Id.Value} ({active.Status.ToWireName()})");
        }

        var connectorKey = RegistryKeys.ConnectorName(candidate.ConnectorName);
        var sameConnector = others.FirstOrDefault(d => DatasetStateMachine.HoldsConnectorName(d.Status) && RegistryKeys.ConnectorName(d.ConnectorName) == connectorKey);
        if (sameConnector is not null)
        {
            return RegistryCheck.Refuse($"connector name {candidate.ConnectorName.Value} is already used by dataset {sameConnector.Id.Value} ({sameConnector.Status.ToWireName()})");
        }

        return RegistryCheck.Allow("no active dataset in the slot and the connector name is free");
    }

    /// <summary>Throws <see cref="RegistryInvariantException"/> when <see cref="CanActivate"/> refuses.</summary>
    public static void EnsureCanActivate(IEnumerable<Dataset> existing, Dataset candidate)
    {
        var check = CanActivate(existing, candidate);
        if (!check.Allowed)
        {
            throw new RegistryInvariantException(check.Reason);
        }
    }
}
