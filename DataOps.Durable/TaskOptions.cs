namespace DataOps.Durable;

/// <summary>Options of an activity or sub-orchestration call.</summary>
public class TaskOptions
{
    /// <summary>Creates options, optionally with retries.</summary>
    public TaskOptions(TaskRetryOptions? retry = null) => Retry = retry;

    /// <summary>Retry settings; null means a single attempt.</summary>
    public TaskRetryOptions? Retry { get; init; }

    /// <summary>Options that retry with <paramref name="policy"/>.</summary>
    public static TaskOptions FromRetryPolicy(RetryPolicy policy) => new(new TaskRetryOptions(policy));
}
