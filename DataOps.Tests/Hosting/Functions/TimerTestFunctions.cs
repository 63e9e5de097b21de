using Microsoft.Azure.Functions.Worker;

namespace DataOps.Tests.Hosting.Functions;

public sealed class TimerTestFunctions(InvocationRecorder recorder, TimeProvider time)
{
    [Function(nameof(Tick))]
    public void Tick([TimerTrigger("%Test:Schedule%")] TimerInfo timer, FunctionContext context)
    {
        recorder.Record(nameof(Tick), new TickSeen(timer, time.GetUtcNow(), context.FunctionDefinition.Name));
    }

    public sealed record TickSeen(TimerInfo Timer, DateTimeOffset At, string FunctionName);
}
