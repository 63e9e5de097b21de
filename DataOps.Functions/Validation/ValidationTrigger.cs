namespace DataOps.Functions.Validation;

/// <summary>What started a validation run; kept with the run in the quality history.</summary>
public enum ValidationTrigger
{
    /// <summary>An operator or engineer asked for it (<c>POST /api/datasets/{id}/validate</c>).</summary>
    Manual,

    /// <summary>The dataset's first provisioning.</summary>
    Provisioning,

    /// <summary>A retry of a FAILED dataset.</summary>
    Retry,

    /// <summary>The health sweep: an unhealthy connector, or a dataset no workflow moved.</summary>
    Sweep,

    /// <summary>A cancelled or terminated teardown gave the dataset back.</summary>
    Restore,

    /// <summary>The scheduled connector sync: a changed pilot export was pushed, or a production probe found the connector unhealthy.</summary>
    Sync,
}
