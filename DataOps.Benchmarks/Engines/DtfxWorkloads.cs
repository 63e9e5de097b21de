using Microsoft.DurableTask;

namespace DataOps.Benchmarks.Engines;

// The same workloads as the repository runtime's (Durable/RuntimeEngine.cs), written against the class-based
// Durable Task SDK: only the namespaces differ, which is the point of the product's look-alike types.

/// <summary>Calls its input's number of <see cref="DtfxNoop"/> activities one after another.</summary>
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
internal sealed class DtfxNoop : TaskActivity<int, int>
{
    public const string Name = "Noop";

    public override Task<int> RunAsync(TaskActivityContext context, int input) => Task.FromResult(input);
}
