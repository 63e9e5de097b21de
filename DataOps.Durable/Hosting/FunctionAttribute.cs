namespace DataOps.Durable.Hosting;

/// <summary>
/// Marks a method of a DI-created class as a function the host indexes at start-up.
/// The method must also carry exactly one trigger attribute on one of its parameters.
/// </summary>
/// <param name="name">The function name; unique within the host (use <c>nameof</c> of the method).</param>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class FunctionAttribute(string name) : Attribute
{
    /// <summary>The function name, unique within the host.</summary>
    public string Name { get; } = name;
}
