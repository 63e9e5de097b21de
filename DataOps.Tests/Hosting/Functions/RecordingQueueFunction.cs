using Microsoft.Azure.Functions.Worker;

namespace DataOps.Tests.Hosting.Functions;

public sealed class RecordingQueueFunction(InvocationRecorder recorder)
{
    [Function(nameof(Record))]
    public void Record([QueueTrigger("%Test:OrderQueue%")] string text) => recorder.Record(nameof(Record), text);
}
