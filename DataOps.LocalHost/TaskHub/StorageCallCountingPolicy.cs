using Azure.Core;
using Azure.Core.Pipeline;
using DurableTask.AzureStorage;

namespace DataOps.LocalHost.TaskHub;

/// <summary>
/// Counts every request a storage client sends (each retry attempt included) in <see cref="WorkflowTelemetry"/>'s
/// <c>durable.storage.calls</c>, tagged with the storage service and the HTTP method.
/// </summary>
internal sealed class StorageCallCountingPolicy(WorkflowTelemetry telemetry, string service) : HttpPipelineSynchronousPolicy
{
    /// <inheritdoc />
    public override void OnSendingRequest(HttpMessage message) => telemetry.StorageCall(service, message.Request.Method);
}

/// <summary>
/// The inner provider's clients with <paramref name="policy"/> in their pipeline, once per attempt; every other
/// behaviour is the inner provider's.
/// </summary>
internal sealed class PolicyClientProvider<TClient, TClientOptions>(
    IStorageServiceClientProvider<TClient, TClientOptions> inner,
    HttpPipelinePolicy policy) : IStorageServiceClientProvider<TClient, TClientOptions>
    where TClientOptions : ClientOptions
{
    public TClientOptions CreateOptions()
    {
        var options = inner.CreateOptions();
        options.AddPolicy(policy, HttpPipelinePosition.PerRetry);
        return options;
    }

    public TClient CreateClient(TClientOptions options) => inner.CreateClient(options);
}
