using Azure.Core;
using Azure.Core.Pipeline;
using DurableTask.AzureStorage;

namespace DataOps.LocalHost.WebJobs;

/// <summary>
/// The inner provider's clients with <paramref name="policies"/> in their pipeline, once per attempt (so each sees the
/// final response of every attempt); every other behaviour is the inner provider's.
/// </summary>
internal sealed class PolicyClientProvider<TClient, TClientOptions>(
    IStorageServiceClientProvider<TClient, TClientOptions> inner,
    params HttpPipelinePolicy[] policies) : IStorageServiceClientProvider<TClient, TClientOptions>
    where TClientOptions : ClientOptions
{
    public TClientOptions CreateOptions()
    {
        var options = inner.CreateOptions();
        foreach (var policy in policies)
        {
            options.AddPolicy(policy, HttpPipelinePosition.PerRetry);
        }

        return options;
    }

    public TClient CreateClient(TClientOptions options) => inner.CreateClient(options);
}
