using DurableTask.Core;

namespace DataOps.Benchmarks.Engines;

/// <summary>
/// Registers an SDK orchestrator or activity shim with a <see cref="TaskHubWorker"/> under its name and the empty
/// version; the worker calls <see cref="Create"/> for every work item, so an orchestration shim, which holds the state
/// of the execution it runs, is never shared.
/// </summary>
/// <typeparam name="T">The framework type: <c>TaskOrchestration</c> or <c>TaskActivity</c>.</typeparam>
internal sealed class ShimObjectCreator<T> : ObjectCreator<T>
{
    private readonly Func<T> _create;

    /// <summary>Creates the registration of <paramref name="name"/>; <paramref name="create"/> makes each new object.</summary>
    public ShimObjectCreator(string name, Func<T> create)
    {
        Name = name;
        Version = string.Empty;
        _create = create;
    }

    /// <inheritdoc />
    public override T Create() => _create();
}
