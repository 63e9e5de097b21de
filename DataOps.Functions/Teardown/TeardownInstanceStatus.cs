using Microsoft.DurableTask.Client;

namespace DataOps.Functions.Teardown;

/// <summary>Which runtime statuses of a teardown instance count as still running: listed by the operations view, terminable by an operator.</summary>
internal static class TeardownInstanceStatus
{
    /// <summary>Pending, running or suspended: the teardown has not ended.</summary>
    public static readonly OrchestrationRuntimeStatus[] Unfinished =
        [OrchestrationRuntimeStatus.Pending, OrchestrationRuntimeStatus.Running, OrchestrationRuntimeStatus.Suspended];

    /// <summary>Whether a teardown in <paramref name="status"/> has not ended.</summary>
    public static bool IsUnfinished(OrchestrationRuntimeStatus status) => Unfinished.Contains(status);
}
