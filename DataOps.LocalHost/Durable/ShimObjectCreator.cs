using DurableTask.Core;

namespace DataOps.LocalHost.Durable;

/// <summary>
/// Registers an SDK orchestrator or activity shim with a <see cref="TaskHubWorker"/> under its name and the empty
/// version; the worker calls <see cref="Create"/> for every work item.
/// </summary>
internal sealed class ShimObjectCreator<T> : ObjectCreator<T>
{
    private readonly Func<T> _create;

    public ShimObjectCreator(string name, Func<T> create)
    {
        Name = name;
        Version = string.Empty;
        _create = create;
    }

    public override T Create() => _create();
}
