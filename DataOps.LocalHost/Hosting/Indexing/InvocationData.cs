using Azure.Storage.Queues.Models;
using DataOps.LocalHost.Hosting.Invocation;
using Microsoft.Azure.Functions.Worker;

namespace DataOps.LocalHost.Hosting.Indexing;

/// <summary>Everything parameter binders may draw from for one invocation.</summary>
internal sealed class InvocationData(HostFunctionContext context)
{
    public HostFunctionContext Context { get; } = context;

    public HttpContext? HttpContext { get; init; }

    /// <summary>The queue message as the Storage Queues extension received it, its text decoded (<c>extensions.queues.messageEncoding</c>).</summary>
    public QueueMessage? QueueMessage { get; init; }

    public TimerInfo? Timer { get; init; }

    /// <summary>An activity's input as the Durable extension passes it: JSON.</summary>
    public string? ActivityInput { get; init; }

    /// <summary>The context of an orchestration episode.</summary>
    public Microsoft.DurableTask.TaskOrchestrationContext? Orchestration { get; init; }
}
