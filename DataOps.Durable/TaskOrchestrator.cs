namespace DataOps.Durable;

/// <summary>
/// Base class of class-based orchestrators. Orchestrators are replayed from history, so their code must be
/// deterministic: no I/O, no clock reads (use <see cref="TaskOrchestrationContext.CurrentUtcDateTime"/>), no
/// random ids (use <see cref="TaskOrchestrationContext.NewGuid"/>), and no <c>ConfigureAwait(false)</c>.
/// </summary>
/// <typeparam name="TInput">The input type.</typeparam>
/// <typeparam name="TOutput">The output type.</typeparam>
public abstract class TaskOrchestrator<TInput, TOutput> : ITaskOrchestrator
{
    /// <inheritdoc />
    public Type InputType => typeof(TInput);

    /// <inheritdoc />
    public Type OutputType => typeof(TOutput);

    /// <summary>Runs the orchestration.</summary>
    /// <param name="context">The orchestration context.</param>
    /// <param name="input">The deserialized input.</param>
    public abstract Task<TOutput> RunAsync(TaskOrchestrationContext context, TInput input);

    async Task<object?> ITaskOrchestrator.RunAsync(TaskOrchestrationContext context, object? input) =>
        await RunAsync(context, input is null ? default! : (TInput)input);
}
