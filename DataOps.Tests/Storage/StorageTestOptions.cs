using Azure.Core;
using Azure.Core.Pipeline;
using DataOps.Storage;

namespace DataOps.Tests.Storage;

/// <summary>Client options for tests: short retry delays so injected transient faults do not slow the run.</summary>
internal static class StorageTestOptions
{
    public static StorageClientOptions Fast(params HttpPipelinePolicy[] perRetryPolicies)
    {
        var options = new StorageClientOptions();
        options.Retry.Delay = TimeSpan.FromMilliseconds(10);
        options.Retry.MaxDelay = TimeSpan.FromMilliseconds(50);
        foreach (var policy in perRetryPolicies)
        {
            options.AddPolicy(policy, HttpPipelinePosition.PerRetry);
        }

        return options;
    }
}
