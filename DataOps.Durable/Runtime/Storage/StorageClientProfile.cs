using Azure.Core;

namespace DataOps.Durable.Runtime.Storage;

/// <summary>
/// The one retry and diagnostics profile of every storage client the runtime builds (tables, queues, blobs):
/// the app's client profile (<see cref="StorageConnection.ApplyProfile"/>), no distributed tracing (the
/// runtime traces its own operations). Storage that never answered is reported as a
/// <see cref="Azure.RequestFailedException"/>, and with <see cref="DurableMetrics"/> every round trip (retries
/// included) is counted.
/// </summary>
internal static class StorageClientProfile
{
    /// <summary>Applies the profile to <paramref name="options"/> and returns them; counts round trips in <paramref name="metrics"/> when given.</summary>
    public static T Apply<T>(T options, DurableMetrics? metrics = null)
        where T : ClientOptions
    {
        StorageConnection.ApplyProfile(options);
        options.Diagnostics.IsDistributedTracingEnabled = false;
        if (metrics is not null)
        {
            options.AddPolicy(new StorageCallCountingPolicy(metrics), HttpPipelinePosition.PerRetry);
        }

        return options;
    }
}
