using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace DataOps.Durable.Runtime;

/// <summary>Metrics (meter <c>DataOps.Durable</c>) and traces (activity source <c>DataOps.Durable</c>) of the runtime.</summary>
internal sealed class DurableMetrics : IDisposable
{
    public const string Name = "DataOps.Durable";

    public static readonly ActivitySource ActivitySource = new(Name);

    private readonly Meter _meter;
    private readonly Counter<long> _episodes;
    private readonly Counter<long> _activities;
    private readonly Counter<long> _timers;
    private readonly Counter<long> _storageCalls;
    private readonly Counter<long> _poisoned;
    private readonly Histogram<double> _queueLatency;
    private long _storageCallTotal;

    public DurableMetrics(IMeterFactory meterFactory)
    {
        _meter = meterFactory.Create(Name);
        _episodes = _meter.CreateCounter<long>("durable.episodes", description: "Orchestration episodes committed");
        _activities = _meter.CreateCounter<long>("durable.activities", description: "Activity executions finished");
        _timers = _meter.CreateCounter<long>("durable.timers", description: "Durable timers fired");
        _storageCalls = _meter.CreateCounter<long>("durable.storage.calls", description: "Storage round trips");
        _poisoned = _meter.CreateCounter<long>("durable.poison", description: "Messages moved to the poison queue");
        _queueLatency = _meter.CreateHistogram<double>("durable.queue.latency", "ms", "Time from enqueue to receive");
    }

    /// <summary>Storage round trips since start (read by the benchmark).</summary>
    public long StorageCallTotal => Interlocked.Read(ref _storageCallTotal);

    public void Episode(string outcome) => _episodes.Add(1, new KeyValuePair<string, object?>("outcome", outcome));

    public void Activity(string outcome) => _activities.Add(1, new KeyValuePair<string, object?>("outcome", outcome));

    public void TimerFired() => _timers.Add(1);

    public void Poisoned(string queue) => _poisoned.Add(1, new KeyValuePair<string, object?>("queue", queue));

    public void QueueLatency(string queue, TimeSpan latency) =>
        _queueLatency.Record(Math.Max(0, latency.TotalMilliseconds), new KeyValuePair<string, object?>("queue", queue));

    public void StorageCall(string method)
    {
        Interlocked.Increment(ref _storageCallTotal);
        _storageCalls.Add(1, new KeyValuePair<string, object?>("method", method));
    }

    public void Dispose() => _meter.Dispose();
}
