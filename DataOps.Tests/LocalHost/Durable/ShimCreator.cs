using DurableTask.Core;

namespace DataOps.Tests.LocalHost.Durable;

/// <summary>
/// Registers an SDK orchestrator or activity with a <see cref="TaskHubWorker"/>: the worker asks for a new shim per
/// work item, because an orchestration shim holds the state of the execution it runs.
/// </summary>
internal sealed class ShimCreator<T> : ObjectCreator<T>
{
    private readonly Func<T> _create;

    public ShimCreator(string name, Func<T> create)
    {
        Name = name;
        Version = string.Empty;
        _create = create;
    }

    public override T Create() => _create();
}
