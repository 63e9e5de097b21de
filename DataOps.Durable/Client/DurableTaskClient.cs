using Azure;

namespace DataOps.Durable.Client;

/// <summary>Starts, queries and controls orchestration instances of one task hub.</summary>
public abstract class DurableTaskClient
{
    /// <summary>The task hub name.</summary>
    public abstract string HubName { get; }

    /// <summary>Schedules a new orchestration instance and returns its id.</summary>
    /// <exception cref="ArgumentException">Unknown orchestrator, illegal instance id, or input that cannot be serialized or read as the orchestrator's input type, or is too large; nothing is written.</exception>
    /// <exception cref="OrchestrationAlreadyExistsException">An instance with that id is still running.</exception>
    public abstract Task<string> ScheduleNewOrchestrationInstanceAsync(
        TaskName orchestratorName,
        object? input = null,
        StartOrchestrationOptions? options = null,
        CancellationToken cancellation = default);

    /// <summary>The instance state, or null when the instance does not exist.</summary>
    public abstract Task<OrchestrationMetadata?> GetInstanceAsync(
        string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default);

    /// <summary>The instances matching <paramref name="filter"/>, page by page.</summary>
    public abstract AsyncPageable<OrchestrationMetadata> GetAllInstancesAsync(OrchestrationQuery? filter = null);

    /// <summary>Sends an external event to an instance; events that arrive before the wait are buffered.</summary>
    public abstract Task RaiseEventAsync(
        string instanceId, string eventName, object? eventPayload = null, CancellationToken cancellation = default);

    /// <summary>Terminates a running instance; <paramref name="output"/> (the reason) becomes its output.</summary>
    public abstract Task TerminateInstanceAsync(string instanceId, object? output = null, CancellationToken cancellation = default);

    /// <summary>Suspends a running instance; new events are kept until it resumes.</summary>
    public abstract Task SuspendInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellation = default);

    /// <summary>Resumes a suspended instance.</summary>
    public abstract Task ResumeInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellation = default);

    /// <summary>Deletes the state and history of a finished instance (0 when unknown or still running).</summary>
    public abstract Task<PurgeResult> PurgeInstanceAsync(string instanceId, CancellationToken cancellation = default);

    /// <summary>Deletes the state and history of every finished instance matching <paramref name="filter"/>.</summary>
    public abstract Task<PurgeResult> PurgeAllInstancesAsync(PurgeInstancesFilter filter, CancellationToken cancellation = default);

    /// <summary>Polls until the instance has left Pending (or is finished).</summary>
    /// <exception cref="OperationCanceledException">The token was cancelled first.</exception>
    public abstract Task<OrchestrationMetadata> WaitForInstanceStartAsync(
        string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default);

    /// <summary>Polls until the instance is Completed, Failed or Terminated.</summary>
    /// <exception cref="OperationCanceledException">The token was cancelled first.</exception>
    public abstract Task<OrchestrationMetadata> WaitForInstanceCompletionAsync(
        string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default);
}
