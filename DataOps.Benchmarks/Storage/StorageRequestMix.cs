using System.Collections.Concurrent;
using Azure.Core;
using Azure.Core.Pipeline;

namespace DataOps.Benchmarks.Storage;

/// <summary>
/// An Azure.Core pipeline policy that counts every request one set of storage clients sends (each retry too, when
/// added per retry), by port and method. Added to the clients of one engine, it tells that engine's traffic apart
/// from other engines' on the same Azurite, which <see cref="HttpRequestMeter"/> (the whole process) cannot.
/// </summary>
internal sealed class StorageRequestMix : HttpPipelineSynchronousPolicy
{
    private static readonly HashSet<string> StandardMethods = new(StringComparer.Ordinal) { "GET", "PUT", "POST", "DELETE", "HEAD", "PATCH", "OPTIONS" };

    private readonly ConcurrentDictionary<(int Port, string Method), StrongBox> _counts = new();

    /// <summary>Requests sent so far.</summary>
    public long Total => _counts.Values.Sum(c => Interlocked.Read(ref c.Value));

    /// <summary>Requests sent so far, one entry per port and method (labelled as .NET's HTTP metric labels them).</summary>
    public IReadOnlyList<HttpRequestCount> Snapshot() =>
        [.. _counts.Select(c => new HttpRequestCount(c.Key.Port, c.Key.Method, Interlocked.Read(ref c.Value.Value)))];

    public override void OnSendingRequest(HttpMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var method = message.Request.Method.Method;

        // The HTTP metric reports non-standard methods (the tables' MERGE) as _OTHER; label them the same so the
        // two sources can be subtracted.
        var label = StandardMethods.Contains(method) ? method : "_OTHER";
        Interlocked.Increment(ref _counts.GetOrAdd((message.Request.Uri.Port, label), static _ => new StrongBox()).Value);
    }

    /// <summary>The counts of <paramref name="all"/> less those of <paramref name="others"/> (never below zero).</summary>
    public static IReadOnlyList<HttpRequestCount> Except(IReadOnlyList<HttpRequestCount> all, IEnumerable<IReadOnlyList<HttpRequestCount>> others)
    {
        ArgumentNullException.ThrowIfNull(all);
        ArgumentNullException.ThrowIfNull(others);
        var remaining = all.ToDictionary(c => (c.Port, c.Method), c => c.Count);
        foreach (var count in others.SelectMany(o => o))
        {
            if (remaining.TryGetValue((count.Port, count.Method), out var value))
            {
                remaining[(count.Port, count.Method)] = Math.Max(0, value - count.Count);
            }
        }

        return [.. remaining.Select(r => new HttpRequestCount(r.Key.Port, r.Key.Method, r.Value))];
    }

    private sealed class StrongBox
    {
        public long Value;
    }
}
