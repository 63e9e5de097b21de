using Azure.Core;
using Azure.Core.Pipeline;

namespace DataOps.Storage;

/// <summary>
/// A pipeline policy counting storage round trips (each attempt, retries included, when added at
/// <see cref="HttpPipelinePosition.PerRetry"/>). Add it with
/// <c>options.AddPolicy(counter, HttpPipelinePosition.PerRetry)</c>; one instance may be shared by many clients.
/// </summary>
public sealed class StorageRequestCounter : HttpPipelineSynchronousPolicy
{
    private long _count;
    private long _failed;

    /// <summary>Requests sent since creation or the last <see cref="Reset"/>.</summary>
    public long Count => Interlocked.Read(ref _count);

    /// <summary>Responses with a status of 400 or above (expected ones such as 404 on an existence check included).</summary>
    public long FailedCount => Interlocked.Read(ref _failed);

    /// <summary>Sets both counters to zero.</summary>
    public void Reset()
    {
        Interlocked.Exchange(ref _count, 0);
        Interlocked.Exchange(ref _failed, 0);
    }

    /// <inheritdoc />
    public override void OnSendingRequest(HttpMessage message) => Interlocked.Increment(ref _count);

    /// <inheritdoc />
    public override void OnReceivedResponse(HttpMessage message)
    {
        if (message.HasResponse && message.Response.Status >= 400)
        {
            Interlocked.Increment(ref _failed);
        }
    }
}
