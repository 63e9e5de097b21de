namespace DataOps.Durable;

/// <summary>Overrides the registered name of an orchestrator or activity class (default: the class name).</summary>
/// <param name="name">The task name.</param>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class DurableTaskAttribute(string name) : Attribute
{
    /// <summary>The task name.</summary>
    public string Name { get; } = name;
}
