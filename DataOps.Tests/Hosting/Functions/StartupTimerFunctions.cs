using Microsoft.Azure.Functions.Worker;

namespace DataOps.Tests.Hosting.Functions;

public sealed class StartupTimerFunctions(InvocationRecorder recorder)
{
    [Function(nameof(Daily))]
    public void Daily([TimerTrigger("0 0 2 * * *", RunOnStartup = true)] TimerInfo timer) => recorder.Record(nameof(Daily), timer);
}
