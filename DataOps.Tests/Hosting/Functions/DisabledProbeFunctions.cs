using Microsoft.Azure.Functions.Worker;

namespace DataOps.Tests.Hosting.Functions;

/// <summary>One function per trigger kind, each of which a test disables with <c>AzureWebJobs.{name}.Disabled</c>, plus an enabled control.</summary>
public sealed class DisabledProbeFunctions(InvocationRecorder recorder)
{
    [Function(nameof(EnabledAtStartup))]
    public void EnabledAtStartup([TimerTrigger("0 0 2 * * *", RunOnStartup = true)] TimerInfo timer) => recorder.Record(nameof(EnabledAtStartup), timer);

    [Function(nameof(DisabledAtStartup))]
    public void DisabledAtStartup([TimerTrigger("0 0 2 * * *", RunOnStartup = true)] TimerInfo timer) => recorder.Record(nameof(DisabledAtStartup), timer);

    [Function(nameof(EnabledQueue))]
    public void EnabledQueue([QueueTrigger("%Test:EnabledQueue%")] string message) => recorder.Record(nameof(EnabledQueue), message);

    [Function(nameof(DisabledQueue))]
    public void DisabledQueue([QueueTrigger("%Test:DisabledQueue%")] string message) => recorder.Record(nameof(DisabledQueue), message);

    [Function(nameof(DisabledHttp))]
    public static string DisabledHttp([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "probe/disabled")] Microsoft.AspNetCore.Http.HttpRequest request)
    {
        _ = request;
        return "ran";
    }
}
