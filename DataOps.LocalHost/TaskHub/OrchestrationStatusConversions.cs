using Microsoft.DurableTask.Client;
using CoreStatus = DurableTask.Core.OrchestrationStatus;

namespace DataOps.LocalHost.TaskHub;

/// <summary>
/// Maps between the SDK's <see cref="OrchestrationRuntimeStatus"/> and DurableTask.Core's
/// <see cref="CoreStatus"/>, and names the groups of statuses the client reasons about.
/// </summary>
internal static class OrchestrationStatusConversions
{
    /// <summary>Statuses of an instance that has not finished: a new start with the same id would collide with it.</summary>
    public static readonly IReadOnlySet<CoreStatus> NotFinished = new HashSet<CoreStatus>
    {
        CoreStatus.Pending,
        CoreStatus.Running,
        CoreStatus.Suspended,
        CoreStatus.ContinuedAsNew,
    };

    /// <summary>Statuses of an instance that has finished for good; only these may be purged.</summary>
    public static readonly IReadOnlySet<CoreStatus> Terminal = new HashSet<CoreStatus>
    {
        CoreStatus.Completed,
        CoreStatus.Failed,
        CoreStatus.Terminated,
        CoreStatus.Canceled,
    };

    // The SDK marks ContinuedAsNew and Canceled obsolete, but the backend can still report them (ContinuedAsNew
    // between two generations of an eternal orchestration), so both directions keep them.
#pragma warning disable CS0618
    public static CoreStatus ToCore(this OrchestrationRuntimeStatus status) => status switch
    {
        OrchestrationRuntimeStatus.Running => CoreStatus.Running,
        OrchestrationRuntimeStatus.Completed => CoreStatus.Completed,
        OrchestrationRuntimeStatus.ContinuedAsNew => CoreStatus.ContinuedAsNew,
        OrchestrationRuntimeStatus.Failed => CoreStatus.Failed,
        OrchestrationRuntimeStatus.Canceled => CoreStatus.Canceled,
        OrchestrationRuntimeStatus.Terminated => CoreStatus.Terminated,
        OrchestrationRuntimeStatus.Pending => CoreStatus.Pending,
        OrchestrationRuntimeStatus.Suspended => CoreStatus.Suspended,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown orchestration runtime status."),
    };

    public static OrchestrationRuntimeStatus FromCore(this CoreStatus status) => status switch
    {
        CoreStatus.Running => OrchestrationRuntimeStatus.Running,
        CoreStatus.Completed => OrchestrationRuntimeStatus.Completed,
        CoreStatus.ContinuedAsNew => OrchestrationRuntimeStatus.ContinuedAsNew,
        CoreStatus.Failed => OrchestrationRuntimeStatus.Failed,
        CoreStatus.Canceled => OrchestrationRuntimeStatus.Canceled,
        CoreStatus.Terminated => OrchestrationRuntimeStatus.Terminated,
        CoreStatus.Pending => OrchestrationRuntimeStatus.Pending,
        CoreStatus.Suspended => OrchestrationRuntimeStatus.Suspended,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown orchestration status."),
    };
#pragma warning restore CS0618
}
