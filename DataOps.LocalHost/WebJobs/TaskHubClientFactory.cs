using Azure.Core;
using Azure.Storage.Queues;
using Microsoft.Extensions.Azure;

namespace DataOps.LocalHost.WebJobs;

/// <summary>
/// The Azure client factory the extensions create their storage clients with, unchanged except that every queue
/// client's pipeline carries <see cref="TaskHubPoisonPolicy"/> (which acts on the task hub's queues only): the one
/// extension point through which the Durable extension's queue clients can be reached.
/// </summary>
internal sealed class TaskHubClientFactory(AzureComponentFactory inner, Func<TaskHubPoisonPolicy> policy) : AzureComponentFactory
{
    public override TokenCredential CreateTokenCredential(IConfiguration configuration) => inner.CreateTokenCredential(configuration);

    public override object CreateClientOptions(Type optionsType, object? serviceVersion, IConfiguration configuration)
    {
        var options = inner.CreateClientOptions(optionsType, serviceVersion, configuration);
        if (options is QueueClientOptions queue)
        {
            // Per retry: the policy must see the final response of each attempt, after the transport.
            queue.AddPolicy(policy(), HttpPipelinePosition.PerRetry);
        }

        return options;
    }

    public override object CreateClient(Type clientType, IConfiguration configuration, TokenCredential? credential, object? clientOptions) =>
        inner.CreateClient(clientType, configuration, credential, clientOptions);
}
