using System.Text.Json;
using DataOps.LocalHost.Hosting.Indexing;
using DataOps.LocalHost.Hosting.Invocation;
using Microsoft.DurableTask;

namespace DataOps.LocalHost.WebJobs;

/// <summary>
/// One orchestration function as the orchestration runner sees it: the function is called with the episode's context
/// (wrapped so it reads its input typed) and its result is the orchestration's output.
/// </summary>
internal sealed class FunctionOrchestrator(IndexedFunction function, IServiceProvider services, JsonSerializerOptions json) : ITaskOrchestrator
{
    public Type InputType => typeof(object);

    public Type OutputType => typeof(object);

    public Task<object?> RunAsync(TaskOrchestrationContext context, object? input)
    {
        // No scope and no cancellation: an orchestration function runs on the runner's thread, replays, and must not
        // touch services.
        var data = new InvocationData(new HostFunctionContext(function, services, CancellationToken.None))
        {
            Orchestration = new FunctionOrchestrationContext(context, json),
        };
        return FunctionInvoker.InvokeAsync(function, data, FunctionInvoker.BindArguments(function, data));
    }
}
