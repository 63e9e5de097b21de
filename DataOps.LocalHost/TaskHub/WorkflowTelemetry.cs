using System.Diagnostics;
using System.Diagnostics.Metrics;
using Azure.Core;
using DataOps.LocalHost.Hosting;
using DurableTask.Core;
using DurableTask.Core.Command;
using DurableTask.Core.Exceptions;
using DurableTask.Core.History;
using DurableTask.Core.Middleware;

namespace DataOps.LocalHost.TaskHub;

/// <summary>
/// The worker's metrics (meter <c>DataOps.Workflows</c>) and traces (activity source <c>DataOps.Workflows</c>), recorded
/// by DurableTask.Core dispatcher middleware around every orchestration episode and activity execution, and by
/// <see cref="StorageCallCountingPolicy"/> in the provider's storage clients. While nothing listens, the middleware
/// passes straight through: no span, no tags, no clock reads.
/// </summary>
internal sealed class WorkflowTelemetry : IDisposable
{
    /// <summary>Name of the span of one orchestration episode (one run of the orchestrator over its new events).</summary>
    public const string EpisodeSpanName = "orchestration.episode";

    /// <summary>Prefix of the span of one activity execution; the activity's name follows.</summary>
    public const string ActivitySpanPrefix = "activity ";

    /// <summary>Span tag: the orchestration instance id.</summary>
    public const string InstanceIdTag = "durable.instance_id";

    /// <summary>Span and metric tag: the orchestrator's or activity's name.</summary>
    public const string NameTag = "durable.name";

    /// <summary>Span and metric tag: how the episode or activity ended.</summary>
    public const string OutcomeTag = "outcome";

    private readonly ActivitySource _source = new(WorkflowTelemetryNames.Workflows);
    private readonly Meter _meter;
    private readonly Counter<long> _episodes;
    private readonly Histogram<double> _episodeDuration;
    private readonly Counter<long> _activities;
    private readonly Histogram<double> _activityDuration;
    private readonly Counter<long> _storageCalls;

    /// <summary>Creates the instruments on a meter from <paramref name="meterFactory"/>.</summary>
    public WorkflowTelemetry(IMeterFactory meterFactory)
    {
        _meter = meterFactory.Create(WorkflowTelemetryNames.Workflows);
        var seconds = new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60] };
        _episodes = _meter.CreateCounter<long>("durable.episodes", description: "Orchestration episodes run, by outcome");
        _episodeDuration = _meter.CreateHistogram("durable.episode.duration", "s", "Time the orchestrator took to run an episode", advice: seconds);
        _activities = _meter.CreateCounter<long>("durable.activities", description: "Activity executions finished, by outcome");
        _activityDuration = _meter.CreateHistogram("durable.activity.duration", "s", "Time an activity execution took", advice: seconds);
        _storageCalls = _meter.CreateCounter<long>("durable.storage.calls", description: "Storage requests sent by the task hub worker, retries included");
    }

    /// <summary>Adds the episode and activity middleware to <paramref name="worker"/>, ahead of any added later.</summary>
    public void Attach(TaskHubWorker worker)
    {
        worker.AddOrchestrationDispatcherMiddleware(OnOrchestrationAsync);
        worker.AddActivityDispatcherMiddleware(OnActivityAsync);
    }

    /// <summary>Orchestration dispatcher middleware: one span, count and duration per episode.</summary>
    public Task OnOrchestrationAsync(DispatchMiddlewareContext context, Func<Task> next) =>
        _source.HasListeners() || _episodes.Enabled || _episodeDuration.Enabled ? TraceEpisodeAsync(context, next) : next();

    /// <summary>Activity dispatcher middleware: one span, count and duration per activity execution.</summary>
    public Task OnActivityAsync(DispatchMiddlewareContext context, Func<Task> next) =>
        _source.HasListeners() || _activities.Enabled || _activityDuration.Enabled ? TraceActivityAsync(context, next) : next();

    /// <summary>Counts one storage request of <paramref name="service"/> (blob, queue or table).</summary>
    public void StorageCall(string service, RequestMethod method)
    {
        if (_storageCalls.Enabled)
        {
            _storageCalls.Add(1, new("service", service), new("method", method.Method));
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _source.Dispose();
        _meter.Dispose();
    }

    private async Task TraceEpisodeAsync(DispatchMiddlewareContext context, Func<Task> next)
    {
        var name = context.GetProperty<OrchestrationRuntimeState>()?.Name;
        var started = Stopwatch.GetTimestamp();
        using var span = _source.StartActivity(EpisodeSpanName);
        if (span is { IsAllDataRequested: true })
        {
            span.SetTag(InstanceIdTag, context.GetProperty<OrchestrationInstance>()?.InstanceId);
            span.SetTag(NameTag, name);
        }

        // An exception out of the pipeline is the dispatcher's (the orchestrator's own end up in the result); it retries the work item.
        var outcome = "error";
        try
        {
            await next().ConfigureAwait(false);
            outcome = EpisodeOutcome(context.GetProperty<OrchestratorExecutionResult>());
        }
        catch (Exception ex)
        {
            span?.SetStatus(ActivityStatusCode.Error, ex.Message);
            span?.AddException(ex);
            throw;
        }
        finally
        {
            span?.SetTag(OutcomeTag, outcome);
            if (outcome == "failed")
            {
                span?.SetStatus(ActivityStatusCode.Error);
            }

            var tags = new TagList { { NameTag, name }, { OutcomeTag, outcome } };
            _episodes.Add(1, tags);
            _episodeDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, tags);
        }
    }

    private async Task TraceActivityAsync(DispatchMiddlewareContext context, Func<Task> next)
    {
        var name = context.GetProperty<TaskScheduledEvent>()?.Name;
        var started = Stopwatch.GetTimestamp();
        using var span = _source.HasListeners() ? _source.StartActivity(ActivitySpanPrefix + name) : null;
        if (span is { IsAllDataRequested: true })
        {
            span.SetTag(InstanceIdTag, context.GetProperty<OrchestrationInstance>()?.InstanceId);
            span.SetTag(NameTag, name);
        }

        // Other exceptions out of the pipeline are the dispatcher's, which abandons the work item to retry it.
        var outcome = "error";
        try
        {
            await next().ConfigureAwait(false);
            if (context.GetProperty<ActivityExecutionResult>()?.ResponseEvent is TaskFailedEvent failed)
            {
                outcome = "failed";
                span?.SetStatus(ActivityStatusCode.Error, failed.FailureDetails?.ErrorMessage ?? failed.Reason);
            }
            else
            {
                outcome = "completed";
            }
        }
        catch (TaskFailureException ex)
        {
            // An activity failure reported by exception: the dispatcher turns it into the activity's failed result.
            outcome = "failed";
            span?.SetStatus(ActivityStatusCode.Error, ex.Message);
            throw;
        }
        catch (Exception ex)
        {
            span?.SetStatus(ActivityStatusCode.Error, ex.Message);
            span?.AddException(ex);
            throw;
        }
        finally
        {
            span?.SetTag(OutcomeTag, outcome);
            var tags = new TagList { { NameTag, name }, { OutcomeTag, outcome } };
            _activities.Add(1, tags);
            _activityDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, tags);
        }
    }

    private static string EpisodeOutcome(OrchestratorExecutionResult? result)
    {
        foreach (var action in result?.Actions ?? [])
        {
            if (action is OrchestrationCompleteOrchestratorAction complete)
            {
                return complete.OrchestrationStatus switch
                {
                    OrchestrationStatus.Completed => "completed",
                    OrchestrationStatus.Failed => "failed",
                    OrchestrationStatus.ContinuedAsNew => "continued_as_new",
                    OrchestrationStatus.Terminated => "terminated",
                    _ => "ended",
                };
            }
        }

        // No end decision: the orchestration waits for its next events.
        return "running";
    }
}
