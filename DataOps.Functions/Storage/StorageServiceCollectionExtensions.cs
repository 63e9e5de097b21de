using Azure.Data.Tables;
using Microsoft.Extensions.Azure;

namespace DataOps.Functions.Storage;

/// <summary>Registers the app's storage clients once, from the <c>AzureWebJobsStorage</c> setting.</summary>
internal static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="TableServiceClient"/>, <c>QueueServiceClient</c> and <c>BlobServiceClient</c> for the
    /// <c>AzureWebJobsStorage</c> connection, read as Azure Functions reads it: a connection string, or service URIs
    /// with a credential for an identity-based connection. Also the probe's clients (named
    /// <see cref="StorageConnection.ProbeClientName"/>), which make one attempt each. Calling it again adds nothing.
    /// </summary>
    public static IServiceCollection AddDataOpsStorage(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (services.Any(d => d.ServiceType == typeof(StorageRegistrationMarker)))
        {
            return services;
        }

        services.AddSingleton<StorageRegistrationMarker>();
        var storage = StorageConnection.Section(configuration, StorageConnection.DefaultName);
        var tables = StorageConnection.ForService(storage, "table");
        var queues = StorageConnection.ForService(storage, "queue");
        var blobs = StorageConnection.ForService(storage, "blob");
        services.AddAzureClients(clients =>
        {
            clients.AddTableServiceClient(tables);
            clients.AddQueueServiceClient(queues);
            clients.AddBlobServiceClient(blobs);
            clients.ConfigureDefaults(StorageConnection.ApplyProfile);

            // The health probe reports the state now: one attempt, no waiting for storage to come back.
            clients.AddTableServiceClient(tables).WithName(StorageConnection.ProbeClientName).ConfigureOptions(o => o.Retry.MaxRetries = 0);
            clients.AddQueueServiceClient(queues).WithName(StorageConnection.ProbeClientName).ConfigureOptions(o => o.Retry.MaxRetries = 0);
            clients.AddBlobServiceClient(blobs).WithName(StorageConnection.ProbeClientName).ConfigureOptions(o => o.Retry.MaxRetries = 0);
        });
        return services;
    }

    private sealed class StorageRegistrationMarker;
}
