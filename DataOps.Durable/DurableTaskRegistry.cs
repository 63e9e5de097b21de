using System.Reflection;

namespace DataOps.Durable;

/// <summary>The orchestrator and activity types known to this process, by name.</summary>
public sealed class DurableTaskRegistry
{
    private readonly Dictionary<TaskName, Type> _orchestrators = [];
    private readonly Dictionary<TaskName, Type> _activities = [];

    /// <summary>The registered orchestrators.</summary>
    public IReadOnlyDictionary<TaskName, Type> Orchestrators => _orchestrators;

    /// <summary>The registered activities.</summary>
    public IReadOnlyDictionary<TaskName, Type> Activities => _activities;

    /// <summary>The registered name of a task class: its <see cref="DurableTaskAttribute"/> name, else the class name.</summary>
    public static TaskName GetTaskName(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        return type.GetCustomAttribute<DurableTaskAttribute>()?.Name ?? type.Name;
    }

    /// <summary>Registers an orchestrator type.</summary>
    /// <exception cref="ArgumentException">The type is not an orchestrator, or the name is taken.</exception>
    public void AddOrchestrator(TaskName name, Type type) =>
        Add(_orchestrators, name, type, typeof(ITaskOrchestrator), "orchestrator");

    /// <summary>Registers an activity type.</summary>
    /// <exception cref="ArgumentException">The type is not an activity, or the name is taken.</exception>
    public void AddActivity(TaskName name, Type type) =>
        Add(_activities, name, type, typeof(ITaskActivity), "activity");

    /// <summary>The orchestrator type registered under <paramref name="name"/>.</summary>
    public bool TryGetOrchestrator(TaskName name, out Type type) => _orchestrators.TryGetValue(name, out type!);

    /// <summary>The activity type registered under <paramref name="name"/>.</summary>
    public bool TryGetActivity(TaskName name, out Type type) => _activities.TryGetValue(name, out type!);

    private static void Add(Dictionary<TaskName, Type> map, TaskName name, Type type, Type contract, string kind)
    {
        ArgumentNullException.ThrowIfNull(type);
        if (name.IsEmpty)
        {
            throw new ArgumentException($"The {kind} name must not be empty.", nameof(name));
        }

        if (type.IsAbstract || !contract.IsAssignableFrom(type))
        {
            throw new ArgumentException($"Type '{type.FullName}' is not a concrete {kind} ({contract.Name}).", nameof(type));
        }

        if (map.TryGetValue(name, out var existing) && existing != type)
        {
            throw new ArgumentException($"The {kind} name '{name}' is already registered for '{existing.FullName}'.", nameof(name));
        }

        map[name] = type;
    }
}
