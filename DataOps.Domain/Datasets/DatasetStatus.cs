namespace DataOps.Domain.Datasets;

/// <summary>Lifecycle status of a dataset. Wire names are the lower-case member names.</summary>
public enum DatasetStatus
{
    /// <summary>Registered; connector being created and populated.</summary>
    Provisioning,

    /// <summary>Quality checks running.</summary>
    Validating,

    /// <summary>All checks passed and the score is at least the READY threshold.</summary>
    Ready,

    /// <summary>Provisioning or validation failed.</summary>
    Failed,

    /// <summary>Being torn down: paused, archived, disconnected, waiting out the grace period.</summary>
    Teardown,

    /// <summary>Final: archived and removed from Glean. Immutable.</summary>
    Archived,
}
