using Microsoft.Azure.Functions.Worker;

namespace DataOps.Tests.Hosting.Functions;

public sealed class SlowQueueFunction(InvocationRecorder recorder, TimeProvider time)
{
    [Function(nameof(Slow))]
    public async Task Slow([QueueTrigger("%Test:OrderQueue%")] string text, CancellationToken cancellationToken)
    {
        recorder.Record("Slow.Started", text);
        // Three lease periods of real time, so the visibility must have been renewed twice.
        await Task.Delay(TimeSpan.FromSeconds(3), time, cancellationToken);
        recorder.Record(nameof(Slow), text);
    }
}
