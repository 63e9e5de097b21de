using Azure.Core;
using Azure.Storage.Queues;
using DurableTask.AzureStorage;

namespace DataOps.LocalHost.WebJobs;

/// <summary>
/// The provider's queue clients with <see cref="TaskHubPoisonPolicy"/> in their pipeline; every other behaviour is
/// the inner provider's.
/// </summary>
internal sealed class PoisonAwareQueueClientProvider(
    IStorageServiceClientProvider<QueueServiceClient, QueueClientOptions> inner,
    TaskHubPoisonPolicy policy) : IStorageServiceClientProvider<QueueServiceClient, QueueClientOptions>
{
    public QueueClientOptions CreateOptions()
    {
        var options = inner.CreateOptions();
        // Per retry: the policy must see the final response of each attempt, after the transport.
        options.AddPolicy(policy, HttpPipelinePosition.PerRetry);
        return options;
    }

    public QueueServiceClient CreateClient(QueueClientOptions options) => inner.CreateClient(options);
}
