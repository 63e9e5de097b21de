using DataOps.Domain.Common;
using Microsoft.DurableTask;

namespace DataOps.Functions.Workflows;

/// <summary>
/// Retry policy of the DataOps activities: transient failures (storage, Glean 429/5xx that outlasted the adapter's own
/// retries, a host that died mid-call) are retried with durable back-off; domain rule violations are not, because
/// running them again gives the same answer.
/// </summary>
internal static class WorkflowRetry
{
    /// <summary>Five attempts, 2 s doubling to at most a minute.</summary>
    public static TaskOptions Transient { get; } = TaskOptions.FromRetryPolicy(new RetryPolicy(5, TimeSpan.FromSeconds(2), 2.0, TimeSpan.FromMinutes(1))
    {
        HandleFailure = failure => !failure.IsCausedBy<DomainException>() && !failure.IsCausedBy<ArgumentException>(),
    });
}
