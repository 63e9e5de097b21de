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

        // The HTTP metric reports non-standard methods (the tables' MERGE) as _OTHER; label them the same so both
        // sources read alike (see StorageTraffic).
        var label = StandardMethods.Contains(method) ? method : "_OTHER";
        Interlocked.Increment(ref _counts.GetOrAdd((message.Request.Uri.Port, label), static _ => new StrongBox()).Value);
    }

    private sealed class StrongBox
    {
        public long Value;
    }
}
