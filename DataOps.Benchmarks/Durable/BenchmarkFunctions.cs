using DataOps.Benchmarks.Engines;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace DataOps.Benchmarks.Durable;

/// <summary>The benchmark's workloads as orchestration and activity functions, declared as the app declares its own.</summary>
internal static class BenchmarkFunctions
{
    [Function(DtfxSequentialFlow.Name)]
    public static Task<int> SequentialFlow([OrchestrationTrigger] TaskOrchestrationContext context) =>
        new DtfxSequentialFlow().RunAsync(context, context.GetInput<int>());

    [Function(DtfxFanOutFlow.Name)]
    public static Task<int> FanOutFlow([OrchestrationTrigger] TaskOrchestrationContext context) =>
        new DtfxFanOutFlow().RunAsync(context, context.GetInput<int>());

    [Function(DtfxNoop.Name)]
    public static Task<int> Noop([ActivityTrigger] int input) => Task.FromResult(input);
}
