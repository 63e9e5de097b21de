using System.Collections.Concurrent;

namespace DataOps.GleanEmulator.Faults;

/// <summary>The last API requests served, so tests can count attempts and see which faults were injected.</summary>
internal sealed class RequestLog
{
    private const int Capacity = 20_000;
    private readonly ConcurrentQueue<RequestLogEntry> _entries = new();
    private long _sequence;

    public void Add(string method, string path, int status, string? injected, DateTimeOffset at)
    {
        _entries.Enqueue(new RequestLogEntry(Interlocked.Increment(ref _sequence), method, path, status, injected, at));
        while (_entries.Count > Capacity && _entries.TryDequeue(out _))
        {
        }
    }

    public IReadOnlyList<RequestLogEntry> Snapshot() => [.. _entries];

    public void Clear() => _entries.Clear();
}

/// <summary>One served API request; <see cref="Injected"/> names the fault that answered it, if any.</summary>
internal sealed record RequestLogEntry(long Sequence, string Method, string Path, int Status, string? Injected, DateTimeOffset At);
