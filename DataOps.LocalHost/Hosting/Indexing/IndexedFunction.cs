using System.Reflection;
using DataOps.LocalHost.Hosting.Timers;
using Microsoft.Azure.Functions.Worker;

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

/// <summary>What starts a function.</summary>
internal abstract record FunctionTrigger;

/// <summary>An HTTP trigger: route below the prefix, accepted methods (empty for all) and key level.</summary>
internal sealed record HttpTriggerDefinition(string Route, IReadOnlyList<string> Methods, AuthorizationLevel AuthLevel) : FunctionTrigger;

/// <summary>A queue trigger: resolved queue name and the configuration name of its connection string.</summary>
internal sealed record QueueTriggerDefinition(string QueueName, string ConnectionName) : FunctionTrigger;

/// <summary>A timer trigger: the parsed schedule and its flags.</summary>
internal sealed record TimerTriggerDefinition(TimerSchedule Schedule, bool RunOnStartup, bool UseMonitor) : FunctionTrigger;

/// <summary>
/// An orchestration or activity trigger: the Durable extension triggers the function for the orchestration or activity
/// of <see cref="TaskName"/>.
/// </summary>
internal sealed record DurableTriggerDefinition(DurableTaskKind Kind, string TaskName) : FunctionTrigger;

/// <summary>What a durable trigger starts.</summary>
internal enum DurableTaskKind
{
    /// <summary><c>[OrchestrationTrigger]</c>.</summary>
    Orchestration,

    /// <summary><c>[ActivityTrigger]</c>.</summary>
    Activity,
}
