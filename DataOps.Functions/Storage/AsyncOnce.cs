namespace DataOps.Functions.Storage;

/// <summary>
/// Runs an asynchronous initialisation (creating tables, queues, containers) once. Unlike a cached
/// <see cref="Lazy{T}"/> task, a run that failed is forgotten, so the next caller tries again: a host that started
/// while storage was unreachable recovers as soon as storage is back, instead of failing forever.
/// </summary>
internal sealed class AsyncOnce(Func<Task> initialise)
{
    private readonly Lock _lock = new();
    private Task? _current;

    /// <summary>The initialisation's task: the completed or running one, or a new attempt when the last one failed.</summary>
    public Task RunAsync()
    {
        lock (_lock)
        {
            if (_current is null || _current.IsFaulted || _current.IsCanceled)
            {
                _current = initialise();
            }

            return _current;
        }
    }
}
