using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Globalization;

namespace DataOps.Benchmarks.Storage;

/// <summary>
/// Counts every HTTP request this process completes, by server port and method, from .NET's own
/// <c>http.client.request.duration</c> instrument (meter <c>System.Net.Http</c>). Every storage client is built on
/// <c>HttpClient</c>, so this sees all of a process's storage traffic (durable engine, registry, trigger
/// listeners, retries included) without touching the code that sends it. Azurite serves each service on its own
/// port, so the port says which service a request went to.
/// </summary>
internal sealed class HttpRequestMeter : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<(int Port, string Method), StrongBox> _counts = new();

    public HttpRequestMeter()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument is { Name: "http.client.request.duration", Meter.Name: "System.Net.Http" })
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<double>(OnMeasurement);
        _listener.Start();
    }

    /// <summary>Requests completed so far, one entry per port and method.</summary>
    public IReadOnlyList<HttpRequestCount> Snapshot() =>
        [.. _counts.Select(c => new HttpRequestCount(c.Key.Port, c.Key.Method, Interlocked.Read(ref c.Value.Value))).OrderBy(c => c.Port).ThenBy(c => c.Method, StringComparer.Ordinal)];

    public void Dispose() => _listener.Dispose();

    private void OnMeasurement(Instrument instrument, double measurement, ReadOnlySpan<KeyValuePair<string, object?>> tags, object? state)
    {
        var port = 0;
        var method = "?";
        foreach (var (key, value) in tags)
        {
            switch (key)
            {
                case "server.port":
                    port = Convert.ToInt32(value, CultureInfo.InvariantCulture);
                    break;
                case "http.request.method":
                    method = value as string ?? "?";
                    break;
            }
        }

        Interlocked.Increment(ref _counts.GetOrAdd((port, method), static _ => new StrongBox()).Value);
    }

    private sealed class StrongBox
    {
        public long Value;
    }
}

/// <summary>Requests to one port with one method.</summary>
internal sealed record HttpRequestCount(int Port, string Method, long Count);
