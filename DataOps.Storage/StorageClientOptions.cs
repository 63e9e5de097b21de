using Azure.Core;

namespace DataOps.Storage;

/// <summary>
/// Options of the storage clients: Azure.Core's retry (exponential back-off by default), diagnostics and
/// transport, plus the REST API version. Tests and benchmarks add pipeline policies with
/// <see cref="ClientOptions.AddPolicy"/> (for example a <see cref="StorageRequestCounter"/> or a fault injector).
/// </summary>
public sealed class StorageClientOptions : ClientOptions
{
    /// <summary>The <c>x-ms-version</c> sent by default.</summary>
    public const string DefaultServiceVersion = "2021-12-02";

    /// <summary>Creates options with exponential retry: 4 retries from 200 ms, capped at 5 s.</summary>
    public StorageClientOptions()
    {
        Retry.Mode = RetryMode.Exponential;
        Retry.MaxRetries = 4;
        Retry.Delay = TimeSpan.FromMilliseconds(200);
        Retry.MaxDelay = TimeSpan.FromSeconds(5);
        Retry.NetworkTimeout = TimeSpan.FromSeconds(100);
        Diagnostics.IsDistributedTracingEnabled = false;
    }

    /// <summary>The REST API version sent as <c>x-ms-version</c>.</summary>
    public string ServiceVersion { get; set; } = DefaultServiceVersion;
}
