using System.Diagnostics;
using System.Diagnostics.Metrics;
using DataOps.LocalHost.Hosting;
using Microsoft.DurableTask.Protobuf;

namespace DataOps.LocalHost.WebJobs;

/// <summary>
/// Metrics and traces of the workflows (meter and activity source <c>DataOps.Workflows</c>), recorded where the bridge
/// runs an orchestration episode or an activity, and for every storage request the task hub's clients send. With no
/// listener attached nothing is measured: no span, no clock read, no decoding of the episode's response.
/// </summary>
internal sealed class WorkflowTelemetry : IDisposable
{
    private static readonly ActivitySource Source = new(WorkflowTelemetryNames.Workflows);

    private readonly Meter _meter;
    private readonly Counter<long> _episodes;
    private readonly Histogram<double> _episodeDuration;
    private readonly Counter<long> _activities;
    private readonly Histogram<double> _activityDuration;
    private readonly Counter<long> _storageCalls;

    public WorkflowTelemetry(IMeterFactory meters)
    {
        _meter = meters.Create(WorkflowTelemetryNames.Workflows);
        _episodes = _meter.CreateCounter<long>("durable.episodes", description: "Orchestration episodes run, by outcome");
        _episodeDuration = _meter.CreateHistogram<double>("durable.episode.duration", "s", "Duration of an orchestration episode");
        _activities = _meter.CreateCounter<long>("durable.activities", description: "Activity executions, by outcome");
        _activityDuration = _meter.CreateHistogram<double>("durable.activity.duration", "s", "Duration of an activity execution");
        _storageCalls = _meter.CreateCounter<long>("durable.storage.calls", description: "Requests the task hub's storage clients send, each attempt counted");
    }

    public string Episode(string name, Func<string> run)
    {
        if (!_episodes.Enabled && !Source.HasListeners())
        {
            return run();
        }

        using var span = Source.StartActivity("orchestration.episode");
        var started = Stopwatch.GetTimestamp();
        string outcome = "error";
        string? instanceId = null;
        try
        {
            var response = run();
            var decoded = OrchestratorResponse.Parser.ParseFrom(Convert.FromBase64String(response));
            instanceId = decoded.InstanceId;
            outcome = decoded.Actions.Select(a => a.CompleteOrchestration).OfType<CompleteOrchestrationAction>().FirstOrDefault()?.OrchestrationStatus switch
            {
                null => "running",
                OrchestrationStatus.Completed => "completed",
                OrchestrationStatus.ContinuedAsNew => "continued_as_new",
                OrchestrationStatus.Terminated => "terminated",
                _ => "failed",
            };
            return response;
        }
        finally
        {
            var tags = new TagList { { "durable.name", name }, { "outcome", outcome } };
            _episodes.Add(1, tags);
            _episodeDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, tags);
            span?.SetTag("durable.instance_id", instanceId).SetTag("durable.name", name).SetTag("outcome", outcome);
        }
    }

    public async Task<T> ActivityAsync<T>(string name, string instanceId, Func<Task<T>> run)
    {
        if (!_activities.Enabled && !Source.HasListeners())
        {
            return await run();
        }

        using var span = Source.StartActivity("activity " + name);
        var started = Stopwatch.GetTimestamp();
        var outcome = "failed";
        try
        {
            var result = await run();
            outcome = "completed";
            return result;
        }
        finally
        {
            var tags = new TagList { { "durable.name", name }, { "outcome", outcome } };
            _activities.Add(1, tags);
            _activityDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, tags);
            span?.SetTag("durable.instance_id", instanceId).SetTag("durable.name", name).SetTag("outcome", outcome);
        }
    }

    public void StorageCall(string service, Azure.Core.RequestMethod method)
    {
        if (_storageCalls.Enabled)
        {
            _storageCalls.Add(1, new TagList { { "service", service }, { "method", method.Method } });
        }
    }

    public void Dispose() => _meter.Dispose();
}
