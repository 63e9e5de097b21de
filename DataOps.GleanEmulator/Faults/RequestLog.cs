using System.Collections.Concurrent;

namespace DataOps.GleanEmulator.Faults;

/// <summary>
/// The last API requests served (<see cref="GleanEmulatorOptions.RequestLogCapacity"/> at most), so tests can count
/// attempts, see which faults were injected and which datasource (and upload) each request touched.
/// </summary>
internal sealed class RequestLog(GleanEmulatorOptions options)
{
    private readonly int _capacity = Math.Max(1, options.RequestLogCapacity);
    private readonly ConcurrentQueue<RequestLogEntry> _entries = new();
    private long _sequence;

    public void Add(string method, string path, int status, string? injected, DateTimeOffset at, RequestTarget? target = null)
    {
        _entries.Enqueue(new RequestLogEntry(
            Interlocked.Increment(ref _sequence), method, path, status, injected, at, target?.Datasource, target?.UploadId, target?.Agent));
        while (_entries.Count > _capacity && _entries.TryDequeue(out _))
        {
        }
    }

    public IReadOnlyList<RequestLogEntry> Snapshot() => [.. _entries];

    public void Clear() => _entries.Clear();
}

/// <summary>
/// One served API request; <see cref="Injected"/> names the fault that answered it, if any. <see cref="Datasource"/> is
/// the datasource the request named (body, route or search filter; null when the request was answered before its body
/// was read, by a fault or a guard), <see cref="UploadId"/> the bulk upload it belonged to, <see cref="Agent"/> the
/// caller's <c>User-Agent</c>.
/// </summary>
internal sealed record RequestLogEntry(
    long Sequence, string Method, string Path, int Status, string? Injected, DateTimeOffset At,
    string? Datasource = null, string? UploadId = null, string? Agent = null);

/// <summary>What a request touched, noted by the endpoint that read it (<see cref="Endpoints.RequestTargets"/>).</summary>
internal sealed record RequestTarget(string? Datasource, string? UploadId, string? Agent);
