using System.Reflection;

namespace DataOps.Durable.Hosting.Indexing;

/// <summary>An indexed function: where it lives, what triggers it and how each parameter is bound.</summary>
internal sealed record FunctionDefinition(
    string Name,
    Type ClassType,
    MethodInfo Method,
    FunctionTrigger Trigger,
    IReadOnlyList<Func<InvocationData, object?>> Binders);
