namespace DataOps.Durable;

/// <summary>What an activity knows about the call that started it.</summary>
public abstract class TaskActivityContext
{
    /// <summary>The activity name.</summary>
    public abstract TaskName Name { get; }

    /// <summary>The id of the orchestration instance that scheduled the activity.</summary>
    public abstract string InstanceId { get; }

    /// <summary>Cancelled when the worker shuts down; the activity is then abandoned and runs again elsewhere.</summary>
    public virtual CancellationToken CancellationToken => CancellationToken.None;
}
