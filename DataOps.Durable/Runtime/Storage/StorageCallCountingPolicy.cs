using Azure.Core;
using Azure.Core.Pipeline;

namespace DataOps.Durable.Runtime.Storage;

/// <summary>Counts every storage round trip (including retries) for the metrics and the benchmark.</summary>
internal sealed class StorageCallCountingPolicy(DurableMetrics metrics) : HttpPipelineSynchronousPolicy
{
    public override void OnSendingRequest(HttpMessage message) => metrics.StorageCall(message.Request.Method.Method);
}
