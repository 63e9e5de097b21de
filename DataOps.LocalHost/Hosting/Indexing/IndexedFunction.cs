using System.Reflection;

namespace DataOps.LocalHost.Hosting.Indexing;

/// <summary>
/// An indexed function: where it lives, what triggers it and how each parameter is bound. A function is
/// <see cref="Disabled"/> when the setting <c>AzureWebJobs.{name}.Disabled</c> is true, as in Azure Functions.
/// </summary>
internal sealed record IndexedFunction(
    string Name,
    Type ClassType,
    MethodInfo Method,
    FunctionTrigger Trigger,
    IReadOnlyList<Func<InvocationData, object?>> Binders,
    bool Disabled = false);
