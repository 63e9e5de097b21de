using DataOps.Domain.Datasets;

namespace DataOps.Functions.Teardown;

/// <summary>An operator stops a dataset's running teardown where it stands.</summary>
/// <param name="DatasetId">The dataset whose teardown to stop.</param>
/// <param name="Reason">Why, as the operator wrote it (trimmed, at most <see cref="MaxReasonLength"/> characters).</param>
public sealed record TerminateTeardownCommand(DatasetId DatasetId, string Reason)
{
    /// <summary>The longest termination reason accepted.</summary>
    public const int MaxReasonLength = 500;

    /// <summary>What is wrong with a trimmed <paramref name="reason"/>, or null when it is acceptable.</summary>
    public static string? ReasonError(string reason)
    {
        ArgumentNullException.ThrowIfNull(reason);
        if (reason.Length == 0)
        {
            return "must not be empty or only white space";
        }

        return reason.Length > MaxReasonLength ? $"must be at most {MaxReasonLength} characters long (was {reason.Length})" : null;
    }
}
