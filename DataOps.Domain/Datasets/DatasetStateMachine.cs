namespace DataOps.Domain.Datasets;

/// <summary>
/// The dataset lifecycle (ARCHITECTURE.md section 5): provisioning -> validating -> ready -> teardown -> archived;
/// failed from provisioning or validating; ready -> validating when the connector turns unhealthy;
/// failed -> provisioning on retry; failed -> teardown; teardown -> validating when a teardown is cancelled in its
/// grace period (the dataset is revalidated and ends READY or FAILED); archived is final.
/// </summary>
public static class DatasetStateMachine
{
    private static readonly Dictionary<DatasetStatus, DatasetStatus[]> _targets = new()
    {
        [DatasetStatus.Provisioning] = [DatasetStatus.Validating, DatasetStatus.Failed],
        [DatasetStatus.Validating] = [DatasetStatus.Ready, DatasetStatus.Failed],
        [DatasetStatus.Ready] = [DatasetStatus.Validating, DatasetStatus.Teardown],
        [DatasetStatus.Failed] = [DatasetStatus.Provisioning, DatasetStatus.Teardown],
        [DatasetStatus.Teardown] = [DatasetStatus.Archived, DatasetStatus.Validating],
        [DatasetStatus.Archived] = [],
    };

    /// <summary>Whether the lifecycle allows moving from one status to another (a status to itself is never a transition).</summary>
    public static bool CanTransition(DatasetStatus from, DatasetStatus to)
        => _targets.TryGetValue(from, out var targets) && targets.Contains(to);

    /// <summary>The statuses reachable in one step.</summary>
    public static IReadOnlyList<DatasetStatus> AllowedTargets(DatasetStatus from)
        => _targets.TryGetValue(from, out var targets) ? targets : [];

    /// <summary>
    /// Whether a dataset in this status occupies its client/stage/type slot: provisioning, validating, ready and
    /// teardown do; failed (waiting for retry or teardown) and archived do not.
    /// </summary>
    public static bool IsActive(DatasetStatus status)
        => status is DatasetStatus.Provisioning or DatasetStatus.Validating or DatasetStatus.Ready or DatasetStatus.Teardown;

    /// <summary>
    /// Whether a dataset in this status keeps its connector name reserved: every status but archived, because until
    /// then its connector may still exist. A failed dataset thus gives up its slot but not its name: a new dataset
    /// for the same client, stage and type (same name) waits until the failed one is retried or archived.
    /// </summary>
    public static bool HoldsConnectorName(DatasetStatus status) => status != DatasetStatus.Archived;

    /// <summary>Whether nothing can happen to a dataset in this status any more (archived).</summary>
    public static bool IsFinal(DatasetStatus status) => status == DatasetStatus.Archived;
}
