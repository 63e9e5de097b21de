using Microsoft.AspNetCore.Http;

namespace DataOps.Durable.Hosting.Indexing;

/// <summary>Everything parameter binders may draw from for one invocation.</summary>
internal sealed class InvocationData(FunctionContext context)
{
    public FunctionContext Context { get; } = context;

    public HttpContext? HttpContext { get; init; }

    public QueueMessageInfo? QueueMessage { get; init; }

    public TimerInfo? Timer { get; init; }
}
