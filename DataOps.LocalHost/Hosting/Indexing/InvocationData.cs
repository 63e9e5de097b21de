using Azure.Storage.Queues.Models;
using DataOps.LocalHost.Hosting.Invocation;
using Microsoft.Azure.Functions.Worker;

namespace DataOps.LocalHost.Hosting.Indexing;

/// <summary>Everything parameter binders may draw from for one invocation.</summary>
internal sealed class InvocationData(HostFunctionContext context)
{
    public HostFunctionContext Context { get; } = context;

    public HttpContext? HttpContext { get; init; }

    /// <summary>The queue message with its text decoded (base64 or none, per <c>extensions.queues.messageEncoding</c>).</summary>
    public QueueMessage? QueueMessage { get; init; }

    public TimerInfo? Timer { get; init; }
}
