using System.Collections.Concurrent;
using Azure.Core;
using Azure.Core.Pipeline;

namespace DataOps.Benchmarks.Storage;

/// <summary>
/// A pipeline policy counting storage round trips (each attempt, retries included, when added at
/// <see cref="HttpPipelinePosition.PerRetry"/>) and noting the REST API version (<c>x-ms-version</c>) each port was
/// sent. Add it with <c>options.AddPolicy(counter, HttpPipelinePosition.PerRetry)</c>; one instance may be shared by
/// many clients.
/// </summary>
internal sealed class StorageRequestCounter : HttpPipelineSynchronousPolicy
{
    private readonly ConcurrentDictionary<(int Port, string Version), byte> _versions = new();
    private long _count;
    private long _failed;

    /// <summary>Requests sent since creation.</summary>
    public long Count => Interlocked.Read(ref _count);

    /// <summary>Responses with a status of 400 or above (expected ones such as 404 on an existence check included).</summary>
    public long FailedCount => Interlocked.Read(ref _failed);

    /// <summary>Every (port, <c>x-ms-version</c>) pair sent so far.</summary>
    public IReadOnlyCollection<(int Port, string Version)> VersionsSent => [.. _versions.Keys];

    /// <inheritdoc />
    public override void OnSendingRequest(HttpMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        Interlocked.Increment(ref _count);
        if (message.Request.Headers.TryGetValue("x-ms-version", out var version))
        {
            _versions.TryAdd((message.Request.Uri.Port, version), 0);
        }
    }

    /// <inheritdoc />
    public override void OnReceivedResponse(HttpMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.HasResponse && message.Response.Status >= 400)
        {
            Interlocked.Increment(ref _failed);
        }
    }
}
