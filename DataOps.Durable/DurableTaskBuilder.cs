using System.Reflection;
using Microsoft.Extensions.DependencyInjection;

namespace DataOps.Durable;

/// <summary>Registers orchestrators and activities with the durable task worker.</summary>
public sealed class DurableTaskBuilder
{
    internal DurableTaskBuilder(IServiceCollection services, DurableTaskRegistry registry)
    {
        Services = services;
        Registry = registry;
    }

    /// <summary>The service collection the worker is registered in.</summary>
    public IServiceCollection Services { get; }

    /// <summary>The registered task types.</summary>
    public DurableTaskRegistry Registry { get; }

    /// <summary>Registers an orchestrator under its default name (attribute name or class name).</summary>
    public DurableTaskBuilder AddOrchestrator<T>()
        where T : class, ITaskOrchestrator => AddOrchestrator(DurableTaskRegistry.GetTaskName(typeof(T)), typeof(T));

    /// <summary>Registers an orchestrator type under a name.</summary>
    public DurableTaskBuilder AddOrchestrator(TaskName name, Type type)
    {
        Registry.AddOrchestrator(name, type);
        return this;
    }

    /// <summary>Registers an activity under its default name; it is created per call through dependency injection.</summary>
    public DurableTaskBuilder AddActivity<T>()
        where T : class, ITaskActivity => AddActivity(DurableTaskRegistry.GetTaskName(typeof(T)), typeof(T));

    /// <summary>Registers an activity type under a name.</summary>
    public DurableTaskBuilder AddActivity(TaskName name, Type type)
    {
        Registry.AddActivity(name, type);
        return this;
    }

    /// <summary>Registers every public concrete orchestrator and activity class of an assembly.</summary>
    /// <param name="assembly">The assembly to scan.</param>
    /// <param name="include">Optional filter over the candidate types (default: all of them).</param>
    public DurableTaskBuilder AddTasks(Assembly assembly, Func<Type, bool>? include = null)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        var candidates = assembly.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false, IsGenericTypeDefinition: false, IsVisible: true });
        foreach (var type in candidates.Where(include ?? (static _ => true)))
        {
            if (typeof(ITaskOrchestrator).IsAssignableFrom(type))
            {
                AddOrchestrator(DurableTaskRegistry.GetTaskName(type), type);
            }
            else if (typeof(ITaskActivity).IsAssignableFrom(type))
            {
                AddActivity(DurableTaskRegistry.GetTaskName(type), type);
            }
        }

        return this;
    }
}
