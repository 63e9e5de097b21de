using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using DataOps.Functions.Storage;

namespace DataOps.Tests.Infrastructure;

/// <summary>
/// Client options for tests: the product's retry profile with short delays, so injected transient faults and
/// unreachable endpoints do not slow the run; optional per-retry policies (fault injectors, request counters).
/// </summary>
internal static class StorageTestOptions
{
    public static TableClientOptions Tables(params HttpPipelinePolicy[] perRetryPolicies) => Fast(new TableClientOptions(), perRetryPolicies);

    public static QueueClientOptions Queues(params HttpPipelinePolicy[] perRetryPolicies) => Fast(new QueueClientOptions(), perRetryPolicies);

    public static BlobClientOptions Blobs(params HttpPipelinePolicy[] perRetryPolicies) => Fast(new BlobClientOptions(), perRetryPolicies);

    private static T Fast<T>(T options, HttpPipelinePolicy[] perRetryPolicies)
        where T : ClientOptions
    {
        StorageConnection.ApplyProfile(options);
        options.Retry.Delay = TimeSpan.FromMilliseconds(10);
        options.Retry.MaxDelay = TimeSpan.FromMilliseconds(50);
        foreach (var policy in perRetryPolicies)
        {
            options.AddPolicy(policy, HttpPipelinePosition.PerRetry);
        }

        return options;
    }
}
