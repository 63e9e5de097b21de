namespace DataOps.Durable;

/// <summary>Retry settings of a task call.</summary>
/// <param name="Policy">The declarative retry policy.</param>
public sealed record TaskRetryOptions(RetryPolicy Policy)
{
    /// <summary>Wraps a retry policy.</summary>
    public static implicit operator TaskRetryOptions(RetryPolicy policy) => new(policy);

    /// <summary>Wraps a retry policy (named alternative to the implicit conversion).</summary>
    public static TaskRetryOptions FromRetryPolicy(RetryPolicy policy) => new(policy);
}
