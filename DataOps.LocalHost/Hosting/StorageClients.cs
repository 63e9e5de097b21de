using System.Collections.Concurrent;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using DataOps.Functions.Storage;
using Microsoft.Extensions.Azure;

namespace DataOps.LocalHost.Hosting;

/// <summary>
/// Storage service clients of the connections that triggers name, created as Azure Functions creates them: the
/// setting is a connection string, or a section with <c>queueServiceUri</c> / <c>blobServiceUri</c> and credential
/// settings for an identity-based connection; <c>X</c> may also be given as <c>ConnectionStrings:X</c>.
/// </summary>
internal sealed class StorageClients(IConfiguration configuration, AzureComponentFactory factory)
{
    public const string DefaultConnection = "AzureWebJobsStorage";

    private readonly ConcurrentDictionary<string, QueueServiceClient> _queues = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, BlobServiceClient> _blobs = new(StringComparer.OrdinalIgnoreCase);

    public QueueServiceClient Queues(string connectionName = DefaultConnection) =>
        _queues.GetOrAdd(connectionName, name => Create<QueueServiceClient, QueueClientOptions>(name, "queue"));

    public BlobServiceClient Blobs(string connectionName = DefaultConnection) =>
        _blobs.GetOrAdd(connectionName, name => Create<BlobServiceClient, BlobClientOptions>(name, "blob"));

    private TClient Create<TClient, TOptions>(string connectionName, string service)
    {
        var section = StorageConnection.ForService(StorageConnection.Section(configuration, connectionName), service);
        var options = factory.CreateClientOptions(typeof(TOptions), null, section);
        StorageConnection.ApplyProfile((Azure.Core.ClientOptions)options);
        return (TClient)factory.CreateClient(typeof(TClient), section, factory.CreateTokenCredential(section), options);
    }
}
