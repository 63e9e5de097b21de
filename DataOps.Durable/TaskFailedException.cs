namespace DataOps.Durable;

/// <summary>Thrown into an orchestrator when an activity or sub-orchestration it awaited failed.</summary>
public sealed class TaskFailedException : Exception
{
    /// <summary>Creates the exception.</summary>
    public TaskFailedException()
        : this("A durable task failed.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public TaskFailedException(string message)
        : base(message)
    {
        FailureDetails = new TaskFailureDetails(typeof(TaskFailedException).FullName!, message);
    }

    /// <summary>Creates the exception with a message and inner exception.</summary>
    public TaskFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
        FailureDetails = TaskFailureDetails.FromException(innerException);
    }

    /// <summary>Creates the exception for a failed task.</summary>
    /// <param name="taskName">The activity or orchestrator name.</param>
    /// <param name="taskId">The task's sequence number within the orchestration.</param>
    /// <param name="failureDetails">What went wrong.</param>
    public TaskFailedException(TaskName taskName, int taskId, TaskFailureDetails failureDetails)
        : base($"Task '{taskName}' (#{taskId}) failed: {failureDetails?.ErrorType}: {failureDetails?.ErrorMessage}")
    {
        ArgumentNullException.ThrowIfNull(failureDetails);
        TaskName = taskName;
        TaskId = taskId;
        FailureDetails = failureDetails;
    }

    /// <summary>The name of the failed activity or sub-orchestration.</summary>
    public TaskName TaskName { get; }

    /// <summary>The task's sequence number within the orchestration.</summary>
    public int TaskId { get; }

    /// <summary>What went wrong.</summary>
    public TaskFailureDetails FailureDetails { get; }
}
