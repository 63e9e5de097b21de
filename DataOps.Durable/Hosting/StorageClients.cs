using System.Collections.Concurrent;
using DataOps.Storage.Blobs;
using DataOps.Storage.Queues;
using Microsoft.Extensions.Configuration;

namespace DataOps.Durable.Hosting;

/// <summary>Storage clients per connection setting, so each named connection string is parsed once.</summary>
internal sealed class StorageClients(IConfiguration configuration)
{
    public const string DefaultConnection = "AzureWebJobsStorage";

    private readonly ConcurrentDictionary<string, QueueServiceClient> _queues = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, BlobServiceClient> _blobs = new(StringComparer.OrdinalIgnoreCase);

    public QueueServiceClient Queues(string connectionName = DefaultConnection) =>
        _queues.GetOrAdd(connectionName, name => new QueueServiceClient(ConnectionString(name)));

    public BlobServiceClient Blobs(string connectionName = DefaultConnection) =>
        _blobs.GetOrAdd(connectionName, name => new BlobServiceClient(ConnectionString(name)));

    /// <summary>The connection string of a setting; like Functions, <c>X</c> may also be given as <c>ConnectionStrings:X</c>.</summary>
    private string ConnectionString(string name) =>
        configuration[name] is { Length: > 0 } value ? value
        : configuration.GetConnectionString(name) is { Length: > 0 } fromSection ? fromSection
        : throw new InvalidOperationException($"Storage connection setting '{name}' is not configured.");
}
