namespace DataOps.Durable;

/// <summary>The runtime status of an orchestration instance.</summary>
public enum OrchestrationRuntimeStatus
{
    /// <summary>Running: started and not yet finished.</summary>
    Running = 0,

    /// <summary>Completed successfully.</summary>
    Completed = 1,

    /// <summary>Restarted itself with new input; a new execution follows.</summary>
    ContinuedAsNew = 2,

    /// <summary>Failed with an unhandled error.</summary>
    Failed = 3,

    /// <summary>Terminated through the client.</summary>
    Terminated = 5,

    /// <summary>Scheduled but not yet started.</summary>
    Pending = 6,

    /// <summary>Suspended through the client; resumes on request.</summary>
    Suspended = 7,
}
