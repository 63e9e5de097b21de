namespace DataOps.Durable.Runtime.Replay;

/// <summary>
/// Runs orchestrator continuations one at a time on the calling thread, in the order they were queued, so that
/// replaying the same history always walks the same path. Nothing runs until <see cref="Pump"/> is called.
/// </summary>
internal sealed class ReplayTaskScheduler : TaskScheduler
{
    private readonly Queue<Task> _queue = new();

    public override int MaximumConcurrencyLevel => 1;

    public void Pump()
    {
        while (_queue.TryDequeue(out var task))
        {
            TryExecuteTask(task);
        }
    }

    protected override void QueueTask(Task task) => _queue.Enqueue(task);

    protected override bool TryExecuteTaskInline(Task task, bool taskWasPreviouslyQueued) => false;

    protected override IEnumerable<Task> GetScheduledTasks() => _queue.ToArray();
}
