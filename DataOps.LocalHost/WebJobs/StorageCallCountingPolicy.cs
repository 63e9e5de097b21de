using Azure.Core;
using Azure.Core.Pipeline;

namespace DataOps.LocalHost.WebJobs;

/// <summary>
/// Counts every request a task hub storage client sends (each retry attempt included) in
/// <see cref="WorkflowTelemetry"/>'s <c>durable.storage.calls</c>, tagged with the storage service and the HTTP method.
/// </summary>
internal sealed class StorageCallCountingPolicy(WorkflowTelemetry telemetry, string service) : HttpPipelineSynchronousPolicy
{
    public override void OnSendingRequest(HttpMessage message) => telemetry.StorageCall(service, message.Request.Method);
}
