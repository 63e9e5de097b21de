using Microsoft.DurableTask;

namespace DataOps.Benchmarks.Engines;

// The benchmark's workloads, written against the class-based Durable Task SDK as the product's orchestrators and
// activities are. Each carries its task name, so the product's engine, which names a task by this attribute (else
// by its class), and DtfxEngine, which registers them under the same names, run them alike.

/// <summary>Calls its input's number of <see cref="DtfxNoop"/> activities one after another.</summary>
[DurableTask(Name)]
internal sealed class DtfxSequentialFlow : TaskOrchestrator<int, int>
{
    public const string Name = "SequentialFlow";

    public override async Task<int> RunAsync(TaskOrchestrationContext context, int input)
    {
        ArgumentNullException.ThrowIfNull(context);
        var sum = 0;
        for (var i = 0; i < input; i++)
        {
            sum += await context.CallActivityAsync<int>(DtfxNoop.Name, i);
        }

        return sum;
    }
}

/// <summary>Fans out its input's number of <see cref="DtfxNoop"/> activities and waits for all.</summary>
[DurableTask(Name)]
internal sealed class DtfxFanOutFlow : TaskOrchestrator<int, int>
{
    public const string Name = "FanOutFlow";

    public override async Task<int> RunAsync(TaskOrchestrationContext context, int input)
    {
        ArgumentNullException.ThrowIfNull(context);
        var results = await Task.WhenAll(Enumerable.Range(0, input).Select(i => context.CallActivityAsync<int>(DtfxNoop.Name, i)));
        return results.Sum();
    }
}

/// <summary>Returns its input: the engine's cost per activity, nothing else.</summary>
[DurableTask(Name)]
internal sealed class DtfxNoop : TaskActivity<int, int>
{
    public const string Name = "Noop";

    public override Task<int> RunAsync(TaskActivityContext context, int input) => Task.FromResult(input);
}
