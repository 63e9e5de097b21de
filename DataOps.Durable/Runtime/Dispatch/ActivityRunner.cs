using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DataOps.Durable.Runtime.Dispatch;

/// <summary>Runs one activity call in its own DI scope and turns the outcome into a TaskCompleted or TaskFailed event.</summary>
internal sealed class ActivityRunner(DurableTaskRegistry registry, IServiceScopeFactory scopes, DurableMetrics metrics, ILogger<ActivityRunner> logger)
{
    public async Task<HistoryEvent> RunAsync(TaskMessage message, CancellationToken cancellationToken)
    {
        var scheduled = message.Event;
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["InstanceId"] = message.InstanceId, ["Activity"] = scheduled.Name ?? string.Empty });
        using var trace = DurableMetrics.ActivitySource.StartActivity("activity " + scheduled.Name);
        trace?.SetTag("durable.instance_id", message.InstanceId);
        try
        {
            if (!registry.TryGetActivity(scheduled.Name ?? string.Empty, out var type))
            {
                throw new InvalidOperationException($"Activity '{scheduled.Name}' is not registered on this worker.");
            }

            await using var services = scopes.CreateAsyncScope();
            var activity = (ITaskActivity)ActivatorUtilities.CreateInstance(services.ServiceProvider, type);
            var input = DurableJson.Deserialize(scheduled.Input, activity.InputType);
            var output = await activity.RunAsync(new RuntimeActivityContext(scheduled.Name!, message.InstanceId, cancellationToken), input);
            metrics.Activity("completed");
            return new HistoryEvent(HistoryEventKind.TaskCompleted) { TaskId = scheduled.TaskId, Result = DurableJson.Serialize(output) };
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            if (logger.IsEnabled(LogLevel.Warning))
            {
                logger.LogWarning(ex, "Activity {Activity} failed", scheduled.Name);
            }

            metrics.Activity("failed");
            var failure = ex is JsonException
                ? TaskFailureDetails.FromException(new ArgumentException($"The input of activity '{scheduled.Name}' cannot be read: {ex.Message}", ex))
                : TaskFailureDetails.FromException(ex);
            return new HistoryEvent(HistoryEventKind.TaskFailed) { TaskId = scheduled.TaskId, Failure = failure };
        }
    }

    private sealed class RuntimeActivityContext(string name, string instanceId, CancellationToken cancellationToken) : TaskActivityContext
    {
        public override TaskName Name => name;

        public override string InstanceId => instanceId;

        public override CancellationToken CancellationToken => cancellationToken;
    }
}
