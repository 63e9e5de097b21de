namespace DataOps.Durable.Hosting;

/// <summary>Binds a <c>DurableTaskClient</c> parameter to the task hub client registered in the host.</summary>
[AttributeUsage(AttributeTargets.Parameter, AllowMultiple = false, Inherited = false)]
public sealed class DurableClientAttribute : Attribute
{
}
