using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using DataOps.LocalHost.Hosting;
using Microsoft.DurableTask;

namespace DataOps.LocalHost.TaskHub;

/// <summary>
/// The orchestrators and activities the worker runs, registered by type and named after their class (or the name in
/// their <see cref="DurableTaskAttribute"/>), as Durable Functions names class-based functions.
/// </summary>
internal sealed class TaskHubWorkerRegistry : IOrchestratorCatalog
{
    private readonly Dictionary<string, Type> _orchestrators = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Type> _activities = new(StringComparer.Ordinal);

    /// <summary>Registered orchestrator types by name.</summary>
    public IReadOnlyDictionary<string, Type> Orchestrators => _orchestrators;

    /// <summary>Registered activity types by name.</summary>
    public IReadOnlyDictionary<string, Type> Activities => _activities;

    /// <summary>
    /// Registers orchestrator <typeparamref name="T"/>. A new instance is made for every work item with its
    /// parameterless constructor: orchestrators must be deterministic and get no services.
    /// </summary>
    public TaskHubWorkerRegistry AddOrchestrator<T>()
        where T : class, ITaskOrchestrator, new() => AddOrchestrator(typeof(T));

    /// <summary>
    /// Registers activity <typeparamref name="T"/>. Each execution gets a new DI scope; the activity is created in it
    /// with constructor injection and the scope is disposed when the activity completes.
    /// </summary>
    public TaskHubWorkerRegistry AddActivity<T>()
        where T : class, ITaskActivity => AddActivity(typeof(T));

    /// <summary>Registers every concrete <see cref="TaskOrchestrator{TInput, TOutput}"/> and <see cref="TaskActivity{TInput, TOutput}"/> in <paramref name="assembly"/>.</summary>
    public TaskHubWorkerRegistry AddAllFrom(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        foreach (var type in assembly.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false, ContainsGenericParameters: false }))
        {
            if (DerivesFrom(type, typeof(TaskOrchestrator<,>)) && type.GetConstructor(Type.EmptyTypes) is not null)
            {
                AddOrchestrator(type);
            }
            else if (DerivesFrom(type, typeof(TaskActivity<,>)))
            {
                AddActivity(type);
            }
        }

        return this;
    }

    private TaskHubWorkerRegistry AddOrchestrator(Type type)
    {
        if (type.GetConstructor(Type.EmptyTypes) is null)
        {
            throw new ArgumentException($"Orchestrator {type.FullName} needs a parameterless constructor.", nameof(type));
        }

        Add(_orchestrators, type);
        return this;
    }

    private TaskHubWorkerRegistry AddActivity(Type type)
    {
        Add(_activities, type);
        return this;
    }

    private static void Add(Dictionary<string, Type> registered, Type type)
    {
        // Two classes with one name would make the name ambiguous to callers.
        var name = NameOf(type);
        if (registered.TryGetValue(name, out var existing) && existing != type)
        {
            throw new ArgumentException($"Both {existing.FullName} and {type.FullName} would be registered as '{name}'.", nameof(type));
        }

        registered[name] = type;
    }

    /// <inheritdoc />
    public IReadOnlyCollection<string> OrchestratorNames => _orchestrators.Keys;

    /// <inheritdoc />
    public IReadOnlyCollection<string> ActivityNames => _activities.Keys;

    /// <inheritdoc />
    public bool TryGetInputType(string name, [NotNullWhen(true)] out Type? inputType)
    {
        inputType = null;
        if (!_orchestrators.TryGetValue(name, out var type))
        {
            return false;
        }

        for (var current = type.BaseType; current is not null; current = current.BaseType)
        {
            if (current.IsGenericType && current.GetGenericTypeDefinition() == typeof(TaskOrchestrator<,>))
            {
                inputType = current.GetGenericArguments()[0];
                return true;
            }
        }

        // An orchestrator that implements ITaskOrchestrator directly declares its input type itself.
        inputType = ((ITaskOrchestrator)Activator.CreateInstance(type)!).InputType;
        return true;
    }

    /// <summary>The name callers use: <see cref="DurableTaskAttribute"/>'s when the class carries one, else the class name.</summary>
    /// <param name="type">An orchestrator or activity class.</param>
    /// <returns>The task name.</returns>
    public static string NameOf(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        var named = type.GetCustomAttribute<DurableTaskAttribute>()?.Name.Name;
        return string.IsNullOrEmpty(named) ? type.Name : named;
    }

    internal static bool DerivesFrom(Type type, Type openGeneric)
    {
        for (var current = type.BaseType; current is not null; current = current.BaseType)
        {
            if (current.IsGenericType && current.GetGenericTypeDefinition() == openGeneric)
            {
                return true;
            }
        }

        return false;
    }
}
